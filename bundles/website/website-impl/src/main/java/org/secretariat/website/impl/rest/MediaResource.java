package org.secretariat.website.impl.rest;

import java.io.InputStream;
import java.nio.file.Files;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
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
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.MultipartParts;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.website.impl.service.Media;

/**
 * Images and attachments for staff: {@code /api/website/media}. Uploading is {@code multipart/form-data}
 * with the part {@code file}; the answer gives the public address and the Markdown to paste into a text.
 * A file is public only once a published text links to it.
 */
@Component(service = MediaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("website/media")
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {

    private final Media media;

    @Activate
    public MediaResource(@Reference Media media) {
        this.media = media;
    }

    /** Newest first by default; {@code sort} by {@code uploadedAt}, {@code fileName} or {@code size}. */
    @GET
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("List the website's images and attachments, newest first")
    public Page<Media.View> list(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return media.list(PageRequest.parse(page, size, sort == null || sort.isBlank() ? "uploadedAt,desc" : sort, Media.SORTABLE, "uploadedAt"));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("Read an image or attachment: its public address and the Markdown that shows or links it")
    public Media.View get(@PathParam("id") long id) {
        return media.get(id);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Answers(status = 201, value = Media.View.class)
    @MultipartParts(file = "file", required = "file")
    @Summary("Upload an image or attachment for the website (public once a published text links to it)")
    public Response upload(@HeaderParam("Content-Type") String contentType, InputStream body, @Context SecurityContext security) {
        try (Upload upload = Upload.read(contentType, body, media.maxUploadBytes(), media.incomingFolder())) {
            Media.View created = media.create(upload.requireMedia(), security.getUserPrincipal().getName());
            return Response.status(201).entity(created).build();
        }
    }

    /** Refused (409) while a text, published or draft, links to the file. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(WebsitePermissions.CONTENT_WRITE)
    @Summary("Delete an image or attachment no text links to (?version= the one read)")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Integer version) {
        media.delete(id, version);
        return Response.noContent().build();
    }

    /** The bytes, for staff to look at a file that is not public yet. */
    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("Download the bytes of an image or attachment, for staff")
    public Response content(@PathParam("id") long id) {
        Media.PublicFile file = media.content(id);
        if (!Files.isReadable(file.path())) {
            throw new ApiException(500, "The bytes of media " + id + " are missing from the file store; restore them from backup", null);
        }
        return Response.ok(file.path().toFile(), file.mediaType())
                .header("Content-Disposition", (file.image() ? "inline" : "attachment") + "; filename=\"" + file.fileName() + "\"")
                .header("ETag", "\"" + file.sha256() + "\"")
                .build();
    }
}
