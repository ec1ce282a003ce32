package org.secretariat.meetings.impl.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.secretariat.meetings.impl.domain.DocumentCategory;
import org.secretariat.meetings.impl.domain.DocumentFile;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.MeetingDocument;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * A meeting's documents: each gets its official symbol from the module's symbol pattern
 * ({@link MeetingSettings}) and the profile's acronym when it is created from its first file; further
 * language versions and corrected revisions are added as files, kept once per content in the file
 * store. Publishing issues a document to the public side. Holds the configuration {@value #PID}: the
 * largest file accepted.
 */
@Component(service = Documents.class, configurationPid = Documents.PID)
@Designate(ocd = Documents.Limits.class)
public class Documents {

    static final String PID = "org.secretariat.meetings";
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** Configuration {@code org.secretariat.meetings}. */
    @ObjectClassDefinition(name = "Meetings", description = "Limits of the meetings module")
    @interface Limits {
        @AttributeDefinition(description = "Largest document file accepted, in megabytes")
        int maxUploadMegabytes() default 25;
    }

    /** A new document as its upload form gives it. */
    public record NewDocument(String title, DocumentCategory category, String language) {
        /** Checks the form's fields in this order: title, category, language. */
        public static NewDocument of(String title, String category, String language) {
            return new NewDocument(Fields.required("title", title, 500), Documents.category(category), Documents.language(language));
        }
    }

    /** A further file of a document: a language version, or a new revision of one. */
    public record NewVersion(String language) {
        public static NewVersion of(String language) {
            return new NewVersion(Documents.language(language));
        }
    }

    /** An uploaded file, received in {@link #incomingFolder()}; its type was told by its content. */
    public record ReceivedFile(Path path, String fileName, String contentType, long size, String sha256) {
    }

    /** The fields of a document that can change after it is created. */
    public record Update(String title, Integer version) {
    }

    /** When a document is issued; today when not said. */
    public record Issue(LocalDate issuedOn) {
    }

    /** A document as the API shows it, with the latest revision of each language version. */
    public record View(Long id, long meetingId, String symbol, String title, DocumentCategory category, boolean publicDocument,
            LocalDate issuedOn, Instant createdAt, int version, List<FileView> files) {
    }

    /** The latest revision of a language version. */
    public record FileView(String language, int revision, String fileName, String contentType, long size, String sha256, Instant uploadedAt,
            String uploadedBy, String url) {
    }

    /** A file to download: where it is stored, its type and its checksum. */
    public record Download(String symbol, Path path, String contentType, String sha256) {
    }

    private record AddedFile(View document, boolean published) {
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final ConventionProfile profile;
    private final MeetingSettings settings;
    private final StoredFiles files;
    private final Announcements announcements;
    private final DocumentNotices notices;
    private final Clock clock;
    private volatile long maxUploadBytes;

    @Activate
    public Documents(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference ConventionProfile profile, @Reference MeetingSettings settings, @Reference FileStorage storage,
            @Reference Announcements announcements, @Reference DocumentNotices notices, Limits limits) {
        this(factory, meetings, profile, settings, storage, announcements, notices, Clock.systemUTC(), bytes(limits));
    }

    /** With a fixed clock and limit, as a test wants. */
    Documents(EntityManagerFactory factory, Meetings meetings, ConventionProfile profile, MeetingSettings settings, FileStorage storage,
            Announcements announcements, DocumentNotices notices, Clock clock, long maxUploadBytes) {
        this.factory = factory;
        this.meetings = meetings;
        this.profile = profile;
        this.settings = settings;
        this.files = new StoredFiles(storage);
        this.announcements = announcements;
        this.notices = notices;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Modified
    void limitsChanged(Limits limits) {
        maxUploadBytes = bytes(limits);
    }

    private static long bytes(Limits limits) {
        int megabytes = limits.maxUploadMegabytes();
        return (megabytes <= 0 ? 25 : megabytes) * 1024L * 1024L;
    }

    /** The largest file accepted. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Where an upload is received before it is kept (or thrown away). */
    public Path incomingFolder() {
        return files.incoming();
    }

    /** Not found unless the meeting exists: asked before an upload is read. */
    public void requireMeeting(long meetingId) {
        Transactions.read(factory, em -> meetings.require(em, meetingId));
    }

    /** Not found unless the meeting has the document: asked before an upload is read. */
    public void requireDocument(long meetingId, long documentId) {
        Transactions.read(factory, em -> require(em, meetingId, documentId));
    }

    private static MeetingDocument require(EntityManager em, long meetingId, long documentId) {
        MeetingDocument document = em.find(MeetingDocument.class, documentId);
        if (document == null || document.meetingId != meetingId) {
            throw DomainException.notFound("No document " + documentId + " in meeting " + meetingId);
        }
        return document;
    }

    /** A meeting's documents by category and sequence. */
    public List<View> list(long meetingId) {
        return Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            return em.createQuery("SELECT d FROM MeetingDocument d WHERE d.meetingId = :meeting ORDER BY d.category, d.sequence",
                    MeetingDocument.class).setParameter("meeting", meetingId).getResultList().stream().map(d -> view(em, d))
                    .collect(Collectors.toList());
        });
    }

    public View get(long meetingId, long documentId) {
        return Transactions.read(factory, em -> view(em, require(em, meetingId, documentId)));
    }

    /** Creates a document from its first file, uploaded by {@code user}, under the next free symbol. */
    public View create(long meetingId, NewDocument form, ReceivedFile file, String user) {
        keep(file);
        return Transactions.inTransaction(factory, em -> {
            Meeting meeting = meetings.require(em, meetingId);
            MeetingDocument document = new MeetingDocument();
            document.meetingId = meetingId;
            document.category = form.category();
            document.title = form.title();
            document.createdAt = Instant.now(clock);
            number(em, meeting, document);
            em.persist(document);
            em.flush();
            em.persist(fileOf(document, form.language(), 1, file, user));
            em.flush();
            return view(em, document);
        });
    }

    /**
     * The next free sequence of the category among documents with the same symbol prefix (meeting type,
     * number and year), so symbols stay unique even for two meetings of a type in one year.
     */
    private void number(EntityManager em, Meeting meeting, MeetingDocument document) {
        int year = meeting.startDate.getYear();
        Integer highest = em.createQuery("SELECT MAX(d.sequence) FROM MeetingDocument d, Meeting m WHERE m.id = d.meetingId"
                + " AND m.type = :type AND d.category = :category AND m.startDate >= :from AND m.startDate < :to", Integer.class)
                .setParameter("type", meeting.type).setParameter("category", document.category)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year + 1, 1, 1)).getSingleResult();
        int sequence = highest == null ? 1 : highest + 1;
        for (int attempt = 0; attempt < 1000; attempt++, sequence++) {
            String symbol = SymbolGenerator.symbol(settings.documentSymbolPattern(), profile.acronym(), meeting.type, meeting.number, year,
                    document.category.code, sequence);
            long taken = em.createQuery("SELECT COUNT(d) FROM MeetingDocument d WHERE d.symbol = :symbol", Long.class)
                    .setParameter("symbol", symbol).getSingleResult();
            if (taken == 0) {
                if (symbol.length() > 100) {
                    throw DomainException.invalid("category", "the symbol pattern gives a symbol longer than 100 characters: " + symbol);
                }
                document.sequence = sequence;
                document.symbol = symbol;
                return;
            }
        }
        throw DomainException.conflict("no free document symbol could be found for " + meeting.type + " " + year);
    }

    /** Adds a language version, or the next revision of one; the public side hears of it when the document is issued. */
    public View addFile(long meetingId, long documentId, NewVersion form, ReceivedFile file, String user) {
        keep(file);
        AddedFile added = Transactions.inTransaction(factory, em -> {
            MeetingDocument document = require(em, meetingId, documentId);
            Integer highest = em.createQuery("SELECT MAX(f.revision) FROM DocumentFile f WHERE f.documentId = :document AND f.language = :language",
                    Integer.class).setParameter("document", documentId).setParameter("language", form.language()).getSingleResult();
            em.persist(fileOf(document, form.language(), highest == null ? 1 : highest + 1, file, user));
            em.flush();
            return new AddedFile(view(em, document), document.publicDocument && document.issuedOn != null);
        });
        if (added.published()) {
            announcements.documentPublished(meetingId, documentId, added.document().symbol());
        }
        return added.document();
    }

    private void keep(ReceivedFile file) {
        try {
            files.keep(file.path(), file.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file could not be stored", e);
        }
    }

    private DocumentFile fileOf(MeetingDocument document, String language, int revision, ReceivedFile received, String user) {
        DocumentFile file = new DocumentFile();
        file.documentId = document.id;
        file.language = language;
        file.revision = revision;
        file.fileName = received.fileName().isBlank() ? document.symbol + "." + DocumentFormats.extension(received.contentType())
                : received.fileName().substring(0, Math.min(255, received.fileName().length()));
        file.contentType = received.contentType();
        file.size = received.size();
        file.sha256 = received.sha256();
        file.uploadedAt = Instant.now(clock);
        file.uploadedBy = user;
        return file;
    }

    /** Changes the title; the public side hears of it when the document is public and issued. */
    public View update(long meetingId, long documentId, Update body) {
        View updated = Transactions.inTransaction(factory, em -> {
            MeetingDocument document = require(em, meetingId, documentId);
            Fields.version(body == null ? null : body.version(), document.version, "Document " + documentId);
            document.title = Fields.required("title", body.title(), 500);
            em.flush();
            return view(em, document);
        });
        if (updated.publicDocument() && updated.issuedOn() != null) {
            announcements.documentChanged(meetingId, documentId, updated.symbol());
        }
        return updated;
    }

    /** Makes the document public and issues it, on a day not in the future; the public side and the approved participants hear of it. */
    public View publish(long meetingId, long documentId, Issue body) {
        LocalDate today = LocalDate.now(clock);
        View published = Transactions.inTransaction(factory, em -> {
            MeetingDocument document = require(em, meetingId, documentId);
            LocalDate issuedOn = body == null || body.issuedOn() == null ? today : body.issuedOn();
            if (issuedOn.isAfter(today)) {
                throw DomainException.invalid("issuedOn", "issuedOn is in the future: publish the document on the day it is issued");
            }
            boolean firstTime = !document.publicDocument || document.issuedOn == null;
            document.publicDocument = true;
            document.issuedOn = issuedOn;
            em.flush();
            if (firstTime) {
                // 1.2: the approved participants hear of it, in this transaction (once per document: the key says which).
                notices.published(em, meetings.require(em, meetingId), document);
            }
            return view(em, document);
        });
        announcements.documentPublished(meetingId, documentId, published.symbol());
        return published;
    }

    /** Takes the document off the public side; it stays issued. The public side hears of it (as in 1.1.1, the meeting changed too). */
    public View unpublish(long meetingId, long documentId) {
        View unpublished = Transactions.inTransaction(factory, em -> {
            MeetingDocument document = require(em, meetingId, documentId);
            document.publicDocument = false;
            em.flush();
            return view(em, document);
        });
        announcements.meetingChanged(meetingId);
        announcements.documentWithdrawn(meetingId, documentId, unpublished.symbol());
        return unpublished;
    }

    /** The latest revision of a language version, or the revision asked for. */
    public Download download(long meetingId, long documentId, String language, Integer revision) {
        return Transactions.read(factory, em -> {
            MeetingDocument document = require(em, meetingId, documentId);
            TypedQuery<DocumentFile> query = em.createQuery("SELECT f FROM DocumentFile f WHERE f.documentId = :document AND f.language = :language"
                    + (revision == null ? "" : " AND f.revision = :revision") + " ORDER BY f.revision DESC", DocumentFile.class)
                    .setParameter("document", documentId).setParameter("language", language);
            if (revision != null) {
                query.setParameter("revision", revision);
            }
            List<DocumentFile> found = query.setMaxResults(1).getResultList();
            if (found.isEmpty()) {
                throw DomainException.notFound("Document " + document.symbol + " has no " + language + " version"
                        + (revision == null ? "" : " revision " + revision));
            }
            DocumentFile file = found.get(0);
            return new Download(document.symbol, files.stored(file.sha256), file.contentType, file.sha256);
        });
    }

    private static DocumentCategory category(String category) {
        String value = Fields.required("category", category, 40);
        try {
            return DocumentCategory.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("category", "category must be one of " + Arrays.toString(DocumentCategory.values()));
        }
    }

    private static String language(String language) {
        String value = Fields.required("language", language, 8).toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(value)) {
            throw DomainException.invalid("language", "language is an ISO 639-1 code such as en, fr, es, ar, ru, zh");
        }
        return value;
    }

    private static View view(EntityManager em, MeetingDocument document) {
        Map<String, FileView> latest = new LinkedHashMap<>();
        for (DocumentFile file : em.createQuery("SELECT f FROM DocumentFile f WHERE f.documentId = :document ORDER BY f.language, f.revision DESC",
                DocumentFile.class).setParameter("document", document.id).getResultList()) {
            latest.putIfAbsent(file.language, new FileView(file.language, file.revision, file.fileName, file.contentType, file.size,
                    file.sha256, file.uploadedAt, file.uploadedBy,
                    "/api/meetings/" + document.meetingId + "/documents/" + document.id + "/" + file.language));
        }
        return new View(document.id, document.meetingId, document.symbol, document.title, document.category, document.publicDocument,
                document.issuedOn, document.createdAt, document.version, new ArrayList<>(latest.values()));
    }
}
