package org.secretariat.meetings.impl.rest;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.secretariat.platform.api.rest.MultipartParts;
import org.secretariat.meetings.impl.service.DocumentFormats;
import org.secretariat.meetings.impl.service.Documents;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * A meeting's documents. Creating one is a {@code multipart/form-data} upload with the parts
 * {@code file}, {@code title}, {@code category} and {@code language}; the answer carries the symbol
 * generated from the profile's pattern. Further language versions (and corrected revisions) are
 * uploaded to {@code .../{docId}/files}; {@code GET .../{docId}/{lang}} downloads the latest.
 */
@Component(service = DocumentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    private final Documents documents;

    @Activate
    public DocumentsResource(@Reference Documents documents) {
        this.documents = documents;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("List a meeting's documents with their latest file per language")
    public List<Documents.View> documents(@PathParam("meetingId") long meetingId) {
        return documents.list(meetingId);
    }

    @GET
    @Path("{documentId}")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Read a meeting document with its symbol and language versions")
    public Documents.View document(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId) {
        return documents.get(meetingId, documentId);
    }

    /** Creates a document from its first file: multipart parts {@code file}, {@code title}, {@code category}, {@code language}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_WRITE)
    @Answers(status = 201, value = Documents.View.class)
    @MultipartParts(file = "file", text = {"title", "category", "language"}, required = {"file", "title", "category", "language"})
    @Summary("Upload a new meeting document (file, title, category, language); it gets its symbol")
    public Response create(@PathParam("meetingId") long meetingId, @HeaderParam("Content-Type") String contentType, InputStream body,
            @Context SecurityContext security) {
        documents.requireMeeting(meetingId);
        try (Upload upload = Upload.read(contentType, body, documents.maxUploadBytes(), documents.incomingFolder())) {
            Documents.NewDocument form = Documents.NewDocument.of(upload.fields.get("title"), upload.fields.get("category"),
                    upload.fields.get("language"));
            upload.requireDocument();
            Documents.View created = documents.create(meetingId, form, upload.received(), security.getUserPrincipal().getName());
            return Response.status(201).entity(created).build();
        }
    }

    /** Uploads a language version of the document, or a new revision of one (parts {@code file} and {@code language}). */
    @POST
    @Path("{documentId}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_WRITE)
    @Answers(status = 201, value = Documents.View.class)
    @MultipartParts(file = "file", text = {"language"}, required = {"file", "language"})
    @Summary("Upload another language version of a document, or a new revision of one")
    public Response addFile(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId,
            @HeaderParam("Content-Type") String contentType, InputStream body, @Context SecurityContext security) {
        documents.requireDocument(meetingId, documentId);
        try (Upload upload = Upload.read(contentType, body, documents.maxUploadBytes(), documents.incomingFolder())) {
            Documents.NewVersion form = Documents.NewVersion.of(upload.fields.get("language"));
            upload.requireDocument();
            Documents.View document = documents.addFile(meetingId, documentId, form, upload.received(), security.getUserPrincipal().getName());
            return Response.status(201).entity(document).build();
        }
    }

    @PUT
    @Path("{documentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_WRITE)
    @Summary("Change a document's title")
    public Documents.View update(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId, Documents.Update body) {
        return documents.update(meetingId, documentId, body);
    }

    /** Makes the document public and issues it (today unless {@code issuedOn} says otherwise); the website hears of it. */
    @POST
    @Path("{documentId}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_PUBLISH)
    @Summary("Publish a document with its issue date (it becomes public on the website if the meeting is public)")
    public Documents.View publish(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId, Documents.Issue body) {
        return documents.publish(meetingId, documentId, body);
    }

    /** Takes the document off the public side (it stays issued). */
    @POST
    @Path("{documentId}/unpublish")
    @RequiresPermission(MeetingsPermissions.DOCUMENT_PUBLISH)
    @Summary("Withdraw a published document from the public")
    public Documents.View unpublish(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId) {
        return documents.unpublish(meetingId, documentId);
    }

    /** The latest revision of a language version (or {@code ?revision=n}), with its checksum in {@code Digest} and {@code ETag}. */
    @GET
    @Path("{documentId}/{language}")
    @Produces(MediaType.WILDCARD)
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Download a language version of a document (the latest revision, or ?revision=n), with its checksum")
    public Response download(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId,
            @PathParam("language") String language, @QueryParam("revision") String revision) {
        Documents.Download file = documents.download(meetingId, documentId, language, Input.wholeNumber("revision", revision, 1));
        if (!Files.isReadable(file.path())) {
            throw new ApiException(500, "The file of " + file.symbol() + " (" + language + ") is missing from the file store; restore it from backup", null);
        }
        String downloadName = file.symbol().replaceAll("[^A-Za-z0-9.-]+", "-") + "-" + language + "." + DocumentFormats.extension(file.contentType());
        return Response.ok(file.path().toFile(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"")
                .header("ETag", "\"" + file.sha256() + "\"")
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())))
                .header("X-Content-SHA256", file.sha256())
                .build();
    }
}
