package org.secretariat.platform.rest.impl;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.persistence.Backups;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.Role;

/** Online backups of the data, for administrators: make one now, list those kept. */
@Component(service = BackupResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/backup")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMINISTRATOR)
public class BackupResource {

    private final Backups backups;

    @Activate
    public BackupResource(@Reference Backups backups) {
        this.backups = backups;
    }

    /** Makes a backup while the platform keeps serving; answers the archive made. */
    @POST
    @Answers(status = 201, value = org.secretariat.platform.api.persistence.Backups.Backup.class)
    @Summary("Make an online backup of the database while the platform keeps serving (administrators)")
    public Response create() {
        return Response.status(201).entity(backups.create()).build();
    }

    /** The archives kept under the data folder, newest first. */
    @GET
    @Summary("List the backup archives kept in the data folder, newest first (administrators)")
    public List<Backups.Backup> list() {
        return backups.list();
    }
}
