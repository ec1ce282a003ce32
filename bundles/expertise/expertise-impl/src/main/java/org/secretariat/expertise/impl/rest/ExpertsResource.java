package org.secretariat.expertise.impl.rest;

import java.io.InputStream;
import java.nio.file.Files;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import javax.ws.rs.core.StreamingOutput;

import org.secretariat.expertise.impl.profile.ProfileLinks;
import org.secretariat.expertise.impl.service.Cvs;
import org.secretariat.expertise.impl.service.Experts;
import org.secretariat.expertise.impl.service.PublicAddress;
import org.secretariat.expertise.impl.service.Retention;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;

/** The resource base of experts, their CVs. */
@Component(service = ExpertsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("expertise/experts")
@Produces(MediaType.APPLICATION_JSON)
public class ExpertsResource {

    private final Experts experts;
    private final Cvs cvs;
    private final Retention retention;
    private final ProfileLinks links;
    private final PublicAddress publicAddress;

    @Activate
    public ExpertsResource(@Reference Experts experts, @Reference Cvs cvs, @Reference Retention retention, @Reference ProfileLinks links,
            @Reference PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
        this.experts = experts;
        this.cvs = cvs;
        this.retention = retention;
        this.links = links;
    }

    @GET
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("List experts, filtered by theme, language, region, kind of help or a name; hidden profiles only with includeHidden=true")
    public Page<Experts.View> list(@QueryParam("theme") String theme, @QueryParam("language") String language, @QueryParam("region") String region,
            @QueryParam("kind") String kind, @QueryParam("q") String text, @QueryParam("includeHidden") String includeHidden,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, Experts.SORTABLE, "name");
        boolean hidden = includeHidden != null && Input.flag("includeHidden", includeHidden);
        return experts.list(new Experts.Filter(blank(theme), blank(language), blank(region), blank(kind), blank(text), hidden), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Answers(status = 201, value = Experts.View.class)
    @Summary("Add an expert: a contacts person or a name, themes, languages, regions, kinds of help, availability, consent")
    public Response create(Experts.Input body) {
        return Response.status(201).entity(experts.create(body)).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("Read an expert's profile")
    public Experts.View get(@PathParam("id") long id) {
        return experts.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Summary("Change an expert's profile (a new consent date renews its retention)")
    public Experts.View update(@PathParam("id") long id, Experts.Input body) {
        return experts.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Answers(status = 204, value = Void.class)
    @Summary("Delete an expert's profile and CV at once (consent withdrawn)")
    public Response delete(@PathParam("id") long id) {
        retention.withdraw(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/cv")
    @Consumes("application/pdf")
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Summary("Upload an expert's CV: a PDF of at most 10 MB, sent as the body")
    public Experts.Cv uploadCv(@PathParam("id") long id, @QueryParam("fileName") String fileName, InputStream body) {
        experts.get(id);
        try {
            return cvs.store(id, body, fileName);
        } catch (Cvs.Refusal refusal) {
            throw new ApiException(refusal.tooLarge ? 413 : 415, refusal.getMessage(), "cv");
        }
    }

    @GET
    @Path("{id}/cv")
    @Produces("application/pdf")
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("Download an expert's CV")
    public Response cv(@PathParam("id") long id) {
        Cvs.Stored cv = cvs.read(id);
        return Response.ok((StreamingOutput) out -> Files.copy(cv.path(), out), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + cv.fileName().replaceAll("[^A-Za-z0-9._ -]", "_") + "\"").build();
    }

    @POST
    @Path("{id}/link")
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Summary("E-mail the expert a link to their own profile (no account needed), valid 14 days")
    public ProfileLinks.Sent sendLink(@PathParam("id") long id, @javax.ws.rs.core.Context javax.ws.rs.core.UriInfo uri) {
        String base = uri.getBaseUri().toString();
        int api = base.indexOf("/api");
        // The configured publicUrl wins over the address this staff request came to (behind a proxy, an internal name).
        return links.send(id, publicAddress.or(api < 0 ? base : base.substring(0, api)));
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
