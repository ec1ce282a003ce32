package org.secretariat.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code bin/secretariat restore ARCHIVE}: puts a backup made by the platform (POST
 * /api/platform/backup) into an empty data folder — the database, the modules' files and the kept
 * module versions — checking every entry against the archive's manifest. At the next start the
 * platform installs the modules again at their recorded versions from the kept copies.
 */
final class Restore {

    static final String MANIFEST = "manifest.txt";

    private Restore() {
    }

    /**
     * @return a line saying what was restored
     * @throws LaunchSettings.ConfigurationException (exit code 2) when the archive or the folder will not do; nothing is left behind then
     */
    static String run(Path archive, Path data) throws LaunchSettings.ConfigurationException {
        if (!Files.isRegularFile(archive)) {
            throw new LaunchSettings.ConfigurationException(2, "restore: " + archive + " is not a file: give the path of a backup archive");
        }
        if (Files.isDirectory(data) && !empty(data)) {
            throw new LaunchSettings.ConfigurationException(2, "restore: the data folder " + data
                    + " is not empty: restore into a new folder (set SECRETARIAT_DATA) so that nothing is overwritten");
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Map<String, String> expected = manifest(zip);
            Files.createDirectories(data);
            int restored = 0;
            long bytes = 0;
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                ZipEntry file = zip.getEntry(entry.getKey());
                if (file == null) {
                    throw new IOException("the manifest lists " + entry.getKey() + " but the archive does not hold it");
                }
                Path target = data.resolve(entry.getKey()).normalize();
                if (!target.startsWith(data) || entry.getKey().startsWith("/")) {
                    throw new IOException("entry " + entry.getKey() + " points outside the data folder");
                }
                Files.createDirectories(target.getParent());
                MessageDigest sha = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(file), sha); OutputStream out = Files.newOutputStream(target)) {
                    bytes += in.transferTo(out);
                }
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(entry.getValue())) {
                    throw new IOException(entry.getKey() + " does not match its checksum in the manifest (corrupt archive)");
                }
                restored++;
            }
            return "Restored " + restored + " files (" + bytes + " bytes) from " + archive + " into " + data
                    + "; start the platform with SECRETARIAT_DATA=" + data + " (modules are installed again at their versions)";
        } catch (IOException | RuntimeException e) {
            clean(data);
            throw new LaunchSettings.ConfigurationException(2, "restore: " + archive + " cannot be restored: " + e.getMessage()
                    + "; nothing was kept in " + data);
        }
    }

    /** The manifest's entries, path to SHA-256; every file of the archive must be listed. */
    private static Map<String, String> manifest(ZipFile zip) throws IOException {
        ZipEntry manifest = zip.getEntry(MANIFEST);
        if (manifest == null) {
            throw new IOException("it has no " + MANIFEST + ": not a Secretariat backup");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = zip.getInputStream(manifest)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int gap = line.indexOf("  ");
                if (gap != 64) {
                    throw new IOException("manifest line '" + line + "' is not '<sha-256>  <path>'");
                }
                entries.put(line.substring(gap + 2), line.substring(0, gap));
            }
        }
        for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
            if (!entry.isDirectory() && !entry.getName().equals(MANIFEST) && !entries.containsKey(entry.getName())) {
                throw new IOException(entry.getName() + " is in the archive but not in its manifest");
            }
        }
        if (entries.keySet().stream().noneMatch(path -> path.startsWith("db/"))) {
            throw new IOException("it holds no database (db/)");
        }
        return entries;
    }

    private static boolean empty(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void clean(Path data) {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(data)).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("restore: could not clean " + data + ": " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
