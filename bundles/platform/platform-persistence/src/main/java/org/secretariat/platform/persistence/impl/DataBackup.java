package org.secretariat.platform.persistence.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Backups;

/**
 * Online backups: Derby copies the database consistently while transactions go on
 * ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}); the modules' files (stored once, never rewritten) and the
 * kept module versions are copied beside it; a manifest lists every entry with its SHA-256. The archive
 * is written under a temporary name and renamed when whole, so a backup that fails leaves nothing
 * that looks like one.
 */
@Component(service = {Backups.class, DataBackup.class})
public class DataBackup implements Backups {

    private static final Logger LOG = Logger.getLogger(DataBackup.class.getName());
    static final String MANIFEST = "manifest.txt";
    static final List<String> FOLDERS = List.of("files", "modules");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final DatabaseSettings settings;
    private final Path data;
    private final ReentrantLock running = new ReentrantLock();

    @Activate
    public DataBackup(BundleContext context, @Reference(target = "(secretariat.datasource=platform)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.settings = DatabaseSettings.from(context::getProperty);
        String folder = context.getProperty("secretariat.data");
        this.data = Path.of(folder == null ? "data" : folder).toAbsolutePath();
    }

    Path folder() {
        return data.resolve("backups");
    }

    @Override
    public Backup create() {
        if (!settings.embeddedDerby()) {
            throw DomainException.conflict("The database is not the embedded one (" + settings.displayUrl()
                    + "): back it up with the database's own tools (e.g. pg_dump), and the data folder's files/ and modules/ with it");
        }
        if (!running.tryLock()) {
            throw DomainException.conflict("A backup is being made; wait for it to finish");
        }
        Instant started = Instant.now();
        Path work = null;
        try {
            Files.createDirectories(folder());
            work = Files.createTempDirectory(folder(), ".work-");
            try (Connection connection = dataSource.getConnection();
                    CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                backup.setString(1, work.toString());
                backup.execute();
            }
            Path archive = folder().resolve("secretariat-backup-" + NAME.format(started) + ".zip");
            Path partial = folder().resolve(".partial-" + archive.getFileName());
            int entries = write(partial, work.resolve("db"), started);
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            Backup made = describe(archive, started, java.time.Duration.between(started, Instant.now()).toMillis(), entries);
            // Beside the archive in sha256sum's format: listing the backups need not read them again, and `sha256sum -c` checks a copy.
            Files.writeString(checksumFile(archive), made.sha256() + "  " + archive.getFileName() + "\n");
            LOG.info(() -> "Backup " + made.file() + " made: " + made.size() + " bytes, " + made.entries() + " files, " + made.durationMillis() + " ms");
            return made;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The backup failed and was not kept: " + e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
            running.unlock();
        }
    }

    /** Writes the archive: the database copy under {@code db/}, the folders, then the manifest of them all. */
    private int write(Path archive, Path database, Instant createdAt) throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
            addTree(zip, database, "db/", checksums);
            for (String folder : FOLDERS) {
                if (Files.isDirectory(data.resolve(folder))) {
                    addTree(zip, data.resolve(folder), folder + "/", checksums);
                }
            }
            StringBuilder manifest = new StringBuilder("# Secretariat backup, made " + createdAt + "; SHA-256 and path of every entry\n");
            checksums.forEach((path, sha) -> manifest.append(sha).append("  ").append(path).append('\n'));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return checksums.size();
    }

    private static void addTree(ZipOutputStream zip, Path root, String prefix, Map<String, String> checksums) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String name = prefix + root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            if (name.contains("/.")) {
                continue; // temporary files of a write in progress
            }
            zip.putNextEntry(new ZipEntry(name));
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
            checksums.put(name, HexFormat.of().formatHex(sha.digest()));
        }
    }

    @Override
    public List<Backup> list() {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            List<Backup> backups = new ArrayList<>();
            for (Path archive : files.filter(f -> f.getFileName().toString().matches("secretariat-backup-.*\\.zip"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).collect(Collectors.toList())) {
                try (ZipFile zip = new ZipFile(archive.toFile())) {
                    Instant made = Files.getLastModifiedTime(archive).toInstant();
                    int entries = Math.max(0, zip.size() - 1);
                    Path checksum = checksumFile(archive);
                    backups.add(Files.isRegularFile(checksum)
                            ? new Backup(archive.toString(), Files.size(archive), Files.readString(checksum).split("\\s+")[0], made, -1, entries)
                            : describe(archive, made, -1, entries));
                }
            }
            return backups;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path checksumFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    private static Backup describe(Path archive, Instant createdAt, long millis, int entries) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(archive), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new Backup(archive.toString(), Files.size(archive), HexFormat.of().formatHex(sha.digest()), createdAt, millis, entries);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Could not remove " + root + ": " + e.getMessage());
        }
    }
}
