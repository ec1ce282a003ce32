package org.secretariat.website.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.website.impl.service.Pages;
import org.secretariat.website.impl.service.Preview;
import org.secretariat.website.impl.service.TextInput;
import org.secretariat.website.impl.service.TextView;

/** The tree of pages for staff: {@code /api/website/pages}, with each page's language versions under {@code /texts/{lang}}. */
@Component(service = PagesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("website/pages")
@Produces(MediaType.APPLICATION_JSON)
public class PagesResource {

    private final Pages pages;
    private final Preview preview;

    @Activate
    public PagesResource(@Reference Pages pages, @Reference Preview preview) {
        this.pages = pages;
        this.preview = preview;
    }

    @GET
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("List the public site's pages as a tree, with each language version's status")
    public List<Pages.View> tree() {
        return pages.tree();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("Read a page of the public site with its language versions")
    public Pages.View get(@PathParam("id") long id) {
        return pages.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Answers(status = 201, value = Pages.View.class)
    @Summary("Create a page of the public site: address (slug), parent, menu order")
    public Response create(Pages.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(pages.create(body, security.getUserPrincipal().getName())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Move or rename a page: address, parent, menu order, shown in the menu")
    public Pages.View update(@PathParam("id") long id, Pages.Input body, @Context SecurityContext security) {
        return pages.update(id, body, security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Delete a page with its language versions, unless pages are below it (?version= the one read)")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Integer version) {
        pages.delete(id, version);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/texts/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Write a language version of a page (title, summary, Markdown body); the working copy, not yet public")
    public TextView writeText(@PathParam("id") long id, @PathParam("language") String language,
            TextInput body, @Context SecurityContext security) {
        return pages.writeText(id, language, body, security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{id}/texts/{language}")
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Delete a language version of a page")
    public Response deleteText(@PathParam("id") long id, @PathParam("language") String language) {
        pages.deleteText(id, language);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/texts/{language}/publish")
    @RequiresPermission(WebsitePermissions.CONTENT_PUBLISH)
    @Summary("Publish a language version of a page (it becomes visible on the public site)")
    public TextView publish(@PathParam("id") long id, @PathParam("language") String language,
            @Context SecurityContext security) {
        return pages.publish(id, language, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/texts/{language}/unpublish")
    @RequiresPermission(WebsitePermissions.CONTENT_PUBLISH)
    @Summary("Take a language version of a page off the public site")
    public TextView unpublish(@PathParam("id") long id, @PathParam("language") String language) {
        return pages.unpublish(id, language);
    }

    /** The working copy rendered as the public would see it once published: title, summary and sanitised HTML. */
    @GET
    @Path("{id}/texts/{language}/preview")
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("Preview a page's working copy in a language as sanitised HTML")
    public Preview.Rendered preview(@PathParam("id") long id, @PathParam("language") String language) {
        return preview.of(pages.draft(id, language));
    }
}
