package org.secretariat.website.impl.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.website.impl.domain.MediaFile;
import org.secretariat.website.impl.domain.Text;
import org.secretariat.website.impl.domain.TextOwner;

/**
 * Images and attachments for pages and news. The bytes are kept once per content under their SHA-256
 * in the module's folder of the file store ({@code <data>/files/website/media/}), the table keeps the
 * name, type and checksum. A file is public at {@code /media/<id>/<name>} only while a published text
 * links to {@code /media/<id>/}; it cannot be deleted while any text, published or draft, still does.
 * Holds {@code mediaMaxMegabytes} of {@value Themes#PID}: the largest file accepted.
 */
@Component(service = Media.class, configurationPid = Themes.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Media {

    static final String MODULE = "website";
    static final int DEFAULT_MAX_MEGABYTES = 20;
    public static final Set<String> SORTABLE = Set.of("uploadedAt", "fileName", "size");

    /** Configuration {@value Themes#PID}. */
    public @interface Limits {
        /** Largest image or attachment accepted, in megabytes. */
        int mediaMaxMegabytes() default DEFAULT_MAX_MEGABYTES;
    }

    /** An upload received in {@link #incomingFolder()}: its content told its {@code format}; {@code sentName} is the browser's. */
    public record Received(Path path, String sentName, MediaFormat format, long size, String sha256) {
    }

    /**
     * A file as staff see it: {@code url} is its public address, {@code markdown} what to paste into a
     * text to show (image) or link (attachment) it.
     */
    public record View(long id, String fileName, String mediaType, boolean image, long size, String sha256, Instant uploadedAt,
            String uploadedBy, int version, String url, String markdown) {
    }

    /** A file the public may download: where its bytes are and how to serve them. */
    public record PublicFile(String fileName, String mediaType, boolean image, long size, String sha256, Instant uploadedAt, Path path) {
    }

    private final EntityManagerFactory factory;
    private final FileStorage storage;
    private final SiteChanges changes;
    private final Clock clock;
    /** Keeping a file and forgetting one are done one at a time, so a delete never removes bytes an upload just counted on. */
    private final Object files = new Object();
    private volatile long maxUploadBytes;

    @Activate
    public Media(@Reference(target = "(osgi.unit.name=website)") EntityManagerFactory factory, @Reference FileStorage storage,
            @Reference SiteChanges changes, Limits limits) {
        this(factory, storage, changes, Clock.systemUTC(), bytes(limits));
    }

    /** With a fixed clock and limit, as a test wants. */
    Media(EntityManagerFactory factory, FileStorage storage, SiteChanges changes, Clock clock, long maxUploadBytes) {
        this.factory = factory;
        this.storage = storage;
        this.changes = changes;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Modified
    void limitsChanged(Limits limits) {
        maxUploadBytes = bytes(limits);
    }

    private static long bytes(Limits limits) {
        int megabytes = limits.mediaMaxMegabytes();
        return (megabytes <= 0 ? DEFAULT_MAX_MEGABYTES : megabytes) * 1024L * 1024L;
    }

    /** The largest file accepted. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Where an upload is received before it is kept (or thrown away): beside the stored files, so keeping is a rename. */
    public Path incomingFolder() {
        return storage.folder(MODULE).resolve("incoming");
    }

    Path stored(String sha256) {
        return storage.folder(MODULE).resolve("media").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public View create(Received file, String user) {
        if (file == null || file.format() == null || file.size() == 0) {
            throw DomainException.invalid("file", "file is required: " + MediaFormat.ACCEPTED);
        }
        View created;
        synchronized (files) {
            Path target = stored(file.sha256());
            try {
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the uploaded file could not be stored", e);
            }
            created = Transactions.inTransaction(factory, em -> {
                MediaFile media = new MediaFile();
                media.fileName = file.format().cleanName(file.sentName());
                media.mediaType = file.format().mediaType();
                media.size = file.size();
                media.sha256 = file.sha256();
                media.uploadedBy = user;
                media.uploadedAt = clock.instant();
                em.persist(media);
                em.flush();
                return view(media);
            });
        }
        changes.changed("media " + created.id());
        return created;
    }

    /** Newest first unless sorted otherwise. */
    public Page<View> list(PageRequest request) {
        return Transactions.read(factory, em -> {
            long total = em.createQuery("SELECT COUNT(m) FROM MediaFile m", Long.class).getSingleResult();
            String direction = request.ascending() ? " ASC" : " DESC";
            List<MediaFile> found = em.createQuery("SELECT m FROM MediaFile m ORDER BY m." + field(request.sortField()) + direction
                    + ", m.id" + direction, MediaFile.class).setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
            return Page.of(found.stream().map(Media::view).collect(Collectors.toList()), total, request);
        });
    }

    private static String field(String sortField) {
        // only names of SORTABLE reach here (PageRequest checked them); JPQL takes no parameter for a column
        return SORTABLE.contains(sortField) ? sortField : "uploadedAt";
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(require(em, id)));
    }

    /** Where the bytes of a file are, for staff to look at before it is public. */
    public PublicFile content(long id) {
        return Transactions.read(factory, em -> file(require(em, id)));
    }

    /** Deletes the file, and its bytes unless another file has the same content; refused while a text links to it. */
    public void delete(long id, Integer version) {
        synchronized (files) {
            String orphan = Transactions.inTransaction(factory, em -> {
                MediaFile media = require(em, id);
                Fields.version(version, media.version, "Media " + id);
                List<String> users = linking(em, id, false);
                if (!users.isEmpty()) {
                    throw DomainException.conflict("Media " + id + " (" + media.fileName + ") is linked from " + String.join(", ", users)
                            + ": remove it from these texts first");
                }
                em.remove(media);
                em.flush();
                long same = em.createQuery("SELECT COUNT(m) FROM MediaFile m WHERE m.sha256 = :sha", Long.class)
                        .setParameter("sha", media.sha256).getSingleResult();
                return same == 0 ? media.sha256 : null;
            });
            if (orphan != null) {
                try {
                    Files.deleteIfExists(stored(orphan));
                } catch (IOException e) {
                    // The row is gone; unreferenced bytes left in the store harm nothing and are not served.
                }
            }
        }
        changes.changed("media " + id);
    }

    /**
     * The file the public asks for at {@code /media/<id>/<fileName>}: there only while a published text
     * links to it, and under its own name.
     */
    public Optional<PublicFile> published(long id, String fileName) {
        return Transactions.read(factory, em -> {
            MediaFile media = em.find(MediaFile.class, id);
            if (media == null || !media.fileName.equals(fileName) || linking(em, id, true).isEmpty()) {
                return Optional.<PublicFile>empty();
            }
            return Optional.of(file(media));
        });
    }

    /**
     * The texts whose Markdown links to {@code /media/<id>/}, described for staff: only the published
     * copies, or the working copies as well.
     */
    private static List<String> linking(EntityManager em, long id, boolean publishedOnly) {
        String pattern = LikePatterns.containing(address(id));
        List<Text> texts = em.createQuery(publishedOnly
                ? "SELECT t FROM Text t WHERE t.publishedAt IS NOT NULL AND t.publishedBody LIKE :p ESCAPE '\\'"
                : "SELECT t FROM Text t WHERE t.body LIKE :p ESCAPE '\\' OR t.publishedBody LIKE :p ESCAPE '\\'", Text.class)
                .setParameter("p", pattern).setMaxResults(20).getResultList();
        List<String> users = new ArrayList<>();
        Map<Long, String> paths = texts.stream().anyMatch(t -> t.ownerKind == TextOwner.PAGE)
                ? em.createQuery("SELECT p.id, p.path FROM Page p WHERE p.id IN :ids", Object[].class)
                        .setParameter("ids", texts.stream().filter(t -> t.ownerKind == TextOwner.PAGE).map(t -> t.ownerId).collect(Collectors.toSet()))
                        .getResultList().stream().collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]))
                : Map.of();
        for (Text text : texts) {
            users.add(text.ownerKind == TextOwner.PAGE ? "page /" + paths.getOrDefault(text.ownerId, "?") + " (" + text.language + ")"
                    : "news item " + text.ownerId + " (" + text.language + ")");
        }
        return users;
    }

    /** What a text links to for this file, without its name: {@code /media/12/}. */
    static String address(long id) {
        return "/media/" + id + "/";
    }

    private static MediaFile require(EntityManager em, long id) {
        MediaFile media = em.find(MediaFile.class, id);
        if (media == null) {
            throw DomainException.notFound("Media " + id + " does not exist");
        }
        return media;
    }

    private PublicFile file(MediaFile media) {
        boolean image = MediaFormat.ofMediaType(media.mediaType).map(MediaFormat::image).orElse(false);
        return new PublicFile(media.fileName, media.mediaType, image, media.size, media.sha256, media.uploadedAt, stored(media.sha256));
    }

    private static View view(MediaFile media) {
        boolean image = MediaFormat.ofMediaType(media.mediaType).map(MediaFormat::image).orElse(false);
        String url = address(media.id) + media.fileName;
        String label = media.fileName.replaceAll("[\\[\\]\\\\]", "");
        return new View(media.id, media.fileName, media.mediaType, image, media.size, media.sha256, media.uploadedAt, media.uploadedBy,
                media.version, url, (image ? "![" : "[") + label + "](" + url + ")");
    }
}
