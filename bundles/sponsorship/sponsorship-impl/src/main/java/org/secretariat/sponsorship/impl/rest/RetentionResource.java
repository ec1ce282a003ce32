package org.secretariat.sponsorship.impl.rest;

import javax.ws.rs.POST;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.sponsorship.impl.service.Retention;

/** The erasure of personal data past their retention date, which runs daily, run now by an administrator. */
@Component(service = RetentionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@javax.ws.rs.Path("sponsorship/retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final Retention retention;

    @Activate
    public RetentionResource(@Reference Retention retention) {
        this.retention = retention;
    }

    @POST
    @javax.ws.rs.Path("run")
    @RequiresPermission(SponsorshipPermissions.RETENTION)
    @Summary("Erase now the personal data of the applications past their retention date (the daily job's work); answers how many")
    public Retention.Report run(@Context SecurityContext security) {
        return retention.run(security.getUserPrincipal().getName());
    }
}
