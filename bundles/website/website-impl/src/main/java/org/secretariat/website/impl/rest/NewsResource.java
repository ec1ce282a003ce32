package org.secretariat.website.impl.rest;

import java.util.Set;

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
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.website.impl.service.News;
import org.secretariat.website.impl.service.Preview;
import org.secretariat.website.impl.service.TextInput;
import org.secretariat.website.impl.service.TextView;

/** News for staff: {@code /api/website/news}, newest first, with each item's language versions under {@code /texts/{lang}}. */
@Component(service = NewsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("website/news")
@Produces(MediaType.APPLICATION_JSON)
public class NewsResource {

    private final News news;
    private final Preview preview;

    @Activate
    public NewsResource(@Reference News news, @Reference Preview preview) {
        this.news = news;
        this.preview = preview;
    }

    @GET
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("List news items, newest first")
    public Page<News.View> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return news.list(PageRequest.parse(page, size, null, Set.of("date"), "date"));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("Read a news item with its language versions")
    public News.View get(@PathParam("id") long id) {
        return news.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Answers(status = 201, value = News.View.class)
    @Summary("Create a news item with its date")
    public Response create(News.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(news.create(body, security.getUserPrincipal().getName())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Change a news item's date")
    public News.View update(@PathParam("id") long id, News.Input body) {
        return news.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Delete a news item with its language versions (?version= the one read)")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Integer version) {
        news.delete(id, version);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/texts/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Write a language version of a news item (title, summary, Markdown body); the working copy, not yet public")
    public TextView writeText(@PathParam("id") long id, @PathParam("language") String language, TextInput body,
            @Context SecurityContext security) {
        return news.writeText(id, language, body, security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{id}/texts/{language}")
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Delete a language version of a news item")
    public Response deleteText(@PathParam("id") long id, @PathParam("language") String language) {
        news.deleteText(id, language);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/texts/{language}/publish")
    @RequiresPermission(WebsitePermissions.CONTENT_PUBLISH)
    @Summary("Publish a language version of a news item (it appears in the public site's news)")
    public TextView publish(@PathParam("id") long id, @PathParam("language") String language, @Context SecurityContext security) {
        return news.publish(id, language, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/texts/{language}/unpublish")
    @RequiresPermission(WebsitePermissions.CONTENT_PUBLISH)
    @Summary("Take a language version of a news item off the public site")
    public TextView unpublish(@PathParam("id") long id, @PathParam("language") String language) {
        return news.unpublish(id, language);
    }

    @GET
    @Path("{id}/texts/{language}/preview")
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("Preview a news item's working copy in a language as sanitised HTML")
    public Preview.Rendered preview(@PathParam("id") long id, @PathParam("language") String language) {
        return preview.of(news.draft(id, language));
    }
}
