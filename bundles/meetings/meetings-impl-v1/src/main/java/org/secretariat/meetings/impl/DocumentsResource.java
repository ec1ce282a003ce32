package org.secretariat.meetings.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
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

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.meetings.api.MeetingEvents;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.RestApi;
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

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** The fields of a document that can change after it is created. */
    public static class DocumentUpdate {
        public String title;
        public Integer version;
    }

    /** When a document is issued. */
    public static class Issue {
        public LocalDate issuedOn;
    }

    @Reference
    private MeetingStore store;

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> documents(@PathParam("meetingId") long meetingId) {
        return Transactions.read(store.store(), em -> {
            store.meeting(em, meetingId);
            List<Map<String, Object>> json = new ArrayList<>();
            for (MeetingDocument document : em.createQuery("SELECT d FROM MeetingDocument d WHERE d.meetingId = :meeting"
                    + " ORDER BY d.category, d.sequence", MeetingDocument.class).setParameter("meeting", meetingId).getResultList()) {
                json.add(json(em, document));
            }
            return json;
        });
    }

    @GET
    @Path("{documentId}")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public Map<String, Object> document(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId) {
        return Transactions.read(store.store(), em -> json(em, find(em, meetingId, documentId)));
    }

    /** Creates a document from its first file: multipart parts {@code file}, {@code title}, {@code category}, {@code language}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_WRITE)
    public Response create(@PathParam("meetingId") long meetingId, @HeaderParam("Content-Type") String contentType, java.io.InputStream body,
            @Context SecurityContext security) {
        Transactions.read(store.store(), em -> store.meeting(em, meetingId));
        ConventionProfile profile = store.profile();
        try (Upload upload = Upload.read(contentType, body, store.maxUploadBytes(), temporaryFolder())) {
            String title = Input.required("title", upload.fields.get("title"), 500);
            DocumentCategory category = category(upload.fields.get("category"));
            String language = language(upload.fields.get("language"));
            upload.requireDocument();
            upload.keep(store.fileFolder());
            Map<String, Object> created = Transactions.inTransaction(store.store(), em -> {
                Meeting meeting = store.meeting(em, meetingId);
                MeetingDocument document = new MeetingDocument();
                document.meetingId = meetingId;
                document.category = category;
                document.title = title;
                document.createdAt = Instant.now(store.clock());
                number(em, profile, meeting, document);
                em.persist(document);
                em.flush();
                em.persist(file(document, language, 1, upload, security));
                em.flush();
                return json(em, document);
            });
            return Response.status(201).entity(created).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file could not be stored", e);
        }
    }

    /**
     * The next free sequence of the category among documents with the same symbol prefix (meeting type,
     * number and year), so symbols stay unique even for two meetings of a type in one year.
     */
    private static void number(EntityManager em, ConventionProfile profile, Meeting meeting, MeetingDocument document) {
        int year = meeting.startDate.getYear();
        Integer highest = em.createQuery("SELECT MAX(d.sequence) FROM MeetingDocument d, Meeting m WHERE m.id = d.meetingId"
                + " AND m.type = :type AND d.category = :category AND m.startDate >= :from AND m.startDate < :to", Integer.class)
                .setParameter("type", meeting.type).setParameter("category", document.category)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year + 1, 1, 1)).getSingleResult();
        int sequence = highest == null ? 1 : highest + 1;
        for (int attempt = 0; attempt < 1000; attempt++, sequence++) {
            String symbol = SymbolGenerator.symbol(profile.documentSymbolPattern(), profile.acronym(), meeting.type, meeting.number, year,
                    document.category.code, sequence);
            long taken = em.createQuery("SELECT COUNT(d) FROM MeetingDocument d WHERE d.symbol = :symbol", Long.class)
                    .setParameter("symbol", symbol).getSingleResult();
            if (taken == 0) {
                if (symbol.length() > 100) {
                    throw ApiException.badRequest("category", "the symbol pattern gives a symbol longer than 100 characters: " + symbol);
                }
                document.sequence = sequence;
                document.symbol = symbol;
                return;
            }
        }
        throw ApiException.conflict("no free document symbol could be found for " + meeting.type + " " + year);
    }

    private DocumentFile file(MeetingDocument document, String language, int revision, Upload upload, SecurityContext security) {
        DocumentFile file = new DocumentFile();
        file.documentId = document.id;
        file.language = language;
        file.revision = revision;
        file.fileName = upload.fileName.isBlank() ? document.symbol + "." + Upload.extension(upload.contentType)
                : upload.fileName.substring(0, Math.min(255, upload.fileName.length()));
        file.contentType = upload.contentType;
        file.size = upload.size;
        file.sha256 = upload.sha256;
        file.uploadedAt = Instant.now(store.clock());
        file.uploadedBy = security.getUserPrincipal().getName();
        return file;
    }

    /** Uploads a language version of the document, or a new revision of one (parts {@code file} and {@code language}). */
    @POST
    @Path("{documentId}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_WRITE)
    public Response addFile(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId,
            @HeaderParam("Content-Type") String contentType, java.io.InputStream body, @Context SecurityContext security) {
        Transactions.read(store.store(), em -> find(em, meetingId, documentId));
        Map<String, Object> json;
        boolean published;
        try (Upload upload = Upload.read(contentType, body, store.maxUploadBytes(), temporaryFolder())) {
            String language = language(upload.fields.get("language"));
            upload.requireDocument();
            upload.keep(store.fileFolder());
            Object[] result = Transactions.inTransaction(store.store(), em -> {
                MeetingDocument document = find(em, meetingId, documentId);
                Integer highest = em.createQuery("SELECT MAX(f.revision) FROM DocumentFile f WHERE f.documentId = :document AND f.language = :language",
                        Integer.class).setParameter("document", documentId).setParameter("language", language).getSingleResult();
                em.persist(file(document, language, highest == null ? 1 : highest + 1, upload, security));
                em.flush();
                return new Object[] {json(em, document), document.publicDocument && document.issuedOn != null, document.symbol};
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) result[0];
            json = document;
            published = (Boolean) result[1];
            if (published) {
                store.post(MeetingEvents.DOCUMENT_PUBLISHED, Map.of(MeetingEvents.MEETING_ID, meetingId, MeetingEvents.DOCUMENT_ID, documentId,
                        MeetingEvents.SYMBOL, result[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file could not be stored", e);
        }
        return Response.status(201).entity(json).build();
    }

    @PUT
    @Path("{documentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_WRITE)
    public Map<String, Object> update(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId, DocumentUpdate body) {
        return Transactions.inTransaction(store.store(), em -> {
            MeetingDocument document = find(em, meetingId, documentId);
            Input.version(body == null ? null : body.version, document.version, "Document " + documentId);
            document.title = Input.required("title", body.title, 500);
            em.flush();
            return json(em, document);
        });
    }

    /** Makes the document public and issues it (today unless {@code issuedOn} says otherwise); the website hears of it. */
    @POST
    @Path("{documentId}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.DOCUMENT_PUBLISH)
    public Map<String, Object> publish(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId, Issue body) {
        Map<String, Object> json = Transactions.inTransaction(store.store(), em -> {
            MeetingDocument document = find(em, meetingId, documentId);
            LocalDate issuedOn = body == null || body.issuedOn == null ? store.today() : body.issuedOn;
            if (issuedOn.isAfter(store.today())) {
                throw ApiException.badRequest("issuedOn", "issuedOn is in the future: publish the document on the day it is issued");
            }
            document.publicDocument = true;
            document.issuedOn = issuedOn;
            em.flush();
            return json(em, document);
        });
        store.post(MeetingEvents.DOCUMENT_PUBLISHED, Map.of(MeetingEvents.MEETING_ID, meetingId, MeetingEvents.DOCUMENT_ID, documentId,
                MeetingEvents.SYMBOL, json.get("symbol")));
        return json;
    }

    /** Takes the document off the public side (it stays issued). */
    @POST
    @Path("{documentId}/unpublish")
    @RequiresPermission(MeetingsPermissions.DOCUMENT_PUBLISH)
    public Map<String, Object> unpublish(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId) {
        Map<String, Object> json = Transactions.inTransaction(store.store(), em -> {
            MeetingDocument document = find(em, meetingId, documentId);
            document.publicDocument = false;
            em.flush();
            return json(em, document);
        });
        store.meetingChanged(meetingId);
        return json;
    }

    /** The latest revision of a language version (or {@code ?revision=n}), with its checksum in {@code Digest} and {@code ETag}. */
    @GET
    @Path("{documentId}/{language}")
    @Produces(MediaType.WILDCARD)
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public Response download(@PathParam("meetingId") long meetingId, @PathParam("documentId") long documentId,
            @PathParam("language") String language, @QueryParam("revision") String revisionParameter) {
        Integer revision = Input.wholeNumber("revision", revisionParameter, 1);
        Object[] found = Transactions.read(store.store(), em -> {
            MeetingDocument document = find(em, meetingId, documentId);
            var query = em.createQuery("SELECT f FROM DocumentFile f WHERE f.documentId = :document AND f.language = :language"
                    + (revision == null ? "" : " AND f.revision = :revision") + " ORDER BY f.revision DESC", DocumentFile.class)
                    .setParameter("document", documentId).setParameter("language", language);
            if (revision != null) {
                query.setParameter("revision", revision);
            }
            List<DocumentFile> files = query.setMaxResults(1).getResultList();
            if (files.isEmpty()) {
                throw ApiException.notFound("Document " + document.symbol + " has no " + language + " version" + (revision == null ? "" : " revision " + revision));
            }
            return new Object[] {document.symbol, files.get(0)};
        });
        DocumentFile file = (DocumentFile) found[1];
        java.nio.file.Path stored = Upload.stored(store.fileFolder(), file.sha256);
        if (!Files.isReadable(stored)) {
            throw new ApiException(500, "The file of " + found[0] + " (" + language + ") is missing from the file store; restore it from backup", null);
        }
        String downloadName = ((String) found[0]).replaceAll("[^A-Za-z0-9.-]+", "-") + "-" + language + "." + Upload.extension(file.contentType);
        byte[] sha = java.util.HexFormat.of().parseHex(file.sha256);
        return Response.ok(stored.toFile(), file.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"")
                .header("ETag", "\"" + file.sha256 + "\"")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(sha))
                .header("X-Content-SHA256", file.sha256)
                .build();
    }

    private java.nio.file.Path temporaryFolder() {
        return store.fileFolder().resolve("incoming");
    }

    static MeetingDocument find(EntityManager em, long meetingId, long documentId) {
        MeetingDocument document = em.find(MeetingDocument.class, documentId);
        if (document == null || document.meetingId != meetingId) {
            throw ApiException.notFound("No document " + documentId + " in meeting " + meetingId);
        }
        return document;
    }

    private static DocumentCategory category(String category) {
        String value = Input.required("category", category, 40);
        try {
            return DocumentCategory.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("category", "category must be one of " + java.util.Arrays.toString(DocumentCategory.values()));
        }
    }

    private static String language(String language) {
        String value = Input.required("language", language, 8).toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(value)) {
            throw ApiException.badRequest("language", "language is an ISO 639-1 code such as en, fr, es, ar, ru, zh");
        }
        return value;
    }

    private Map<String, Object> json(EntityManager em, MeetingDocument document) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", document.id);
        json.put("meetingId", document.meetingId);
        json.put("symbol", document.symbol);
        json.put("title", document.title);
        json.put("category", document.category);
        json.put("publicDocument", document.publicDocument);
        json.put("issuedOn", document.issuedOn);
        json.put("createdAt", document.createdAt);
        json.put("version", document.version);
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        for (DocumentFile file : em.createQuery("SELECT f FROM DocumentFile f WHERE f.documentId = :document ORDER BY f.language, f.revision DESC",
                DocumentFile.class).setParameter("document", document.id).getResultList()) {
            if (latest.containsKey(file.language)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("language", file.language);
            entry.put("revision", file.revision);
            entry.put("fileName", file.fileName);
            entry.put("contentType", file.contentType);
            entry.put("size", file.size);
            entry.put("sha256", file.sha256);
            entry.put("uploadedAt", file.uploadedAt);
            entry.put("uploadedBy", file.uploadedBy);
            entry.put("url", "/api/meetings/" + document.meetingId + "/documents/" + document.id + "/" + file.language);
            latest.put(file.language, entry);
        }
        json.put("files", new ArrayList<>(latest.values()));
        return json;
    }
}
