package org.secretariat.finance.impl.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.finance.impl.service.Formulas;

/** The cost-sharing formulas installed now. */
@Component(service = FormulasResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/formulas")
@Produces(MediaType.APPLICATION_JSON)
public class FormulasResource {

    private final Formulas formulas;

    @Activate
    public FormulasResource(@Reference Formulas formulas) {
        this.formulas = formulas;
    }

    @GET
    @RequiresPermission(FinancePermissions.ASSESSMENT_READ)
    @Summary("List the installed cost-sharing formulas")
    public List<Formulas.View> list() {
        return formulas.list();
    }
}
