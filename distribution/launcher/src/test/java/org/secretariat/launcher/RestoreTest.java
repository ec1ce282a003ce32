package org.secretariat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTest {

    @TempDir
    Path folder;

    private Path archive(Map<String, String> files, Map<String, String> manifestOverrides) throws Exception {
        Path archive = folder.resolve("backup.zip");
        StringBuilder manifest = new StringBuilder("# test\n");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(content);
                zip.closeEntry();
                String sha = manifestOverrides.getOrDefault(file.getKey(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
                manifest.append(sha).append("  ").append(file.getKey()).append('\n');
            }
            zip.putNextEntry(new ZipEntry(Restore.MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return archive;
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db/seg0/c10.dat", "database page");
        files.put("files/meetings/documents/ab/abcdef", "a document");
        files.put("modules/notes/1.0.0/notes.feature.json", "{}");
        return files;
    }

    @Test
    void aBackupIsRestoredIntoAnEmptyFolderEntryByEntry() throws Exception {
        Path data = folder.resolve("restored");
        String said = Restore.run(archive(files(), Map.of()), data);
        assertTrue(said.contains("Restored 3 files"), said);
        assertEquals("a document", Files.readString(data.resolve("files/meetings/documents/ab/abcdef")));
        assertEquals("database page", Files.readString(data.resolve("db/seg0/c10.dat")));
    }

    @Test
    void aCorruptEntryRestoresNothing() throws Exception {
        Path data = folder.resolve("restored");
        Path archive = archive(files(), Map.of("files/meetings/documents/ab/abcdef", "0".repeat(64)));
        LaunchSettings.ConfigurationException refused = assertThrows(LaunchSettings.ConfigurationException.class, () -> Restore.run(archive, data));
        assertTrue(refused.getMessage().contains("does not match its checksum"), refused.getMessage());
        assertEquals(2, refused.exitCode);
        try (var left = Files.list(data)) {
            assertEquals(0, left.count(), "nothing kept");
        }
    }

    @Test
    void aFolderWithDataInItIsNeverOverwritten() throws Exception {
        Path data = folder.resolve("in-use");
        Files.createDirectories(data.resolve("db"));
        Files.writeString(data.resolve("db/keep"), "live data");
        Path archive = archive(files(), Map.of());
        LaunchSettings.ConfigurationException refused = assertThrows(LaunchSettings.ConfigurationException.class, () -> Restore.run(archive, data));
        assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
        assertEquals("live data", Files.readString(data.resolve("db/keep")));
    }

    @Test
    void anArchiveWithoutManifestOrDatabaseIsNotABackup() throws IOException {
        Path archive = folder.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.closeEntry();
        }
        LaunchSettings.ConfigurationException refused = assertThrows(LaunchSettings.ConfigurationException.class,
                () -> Restore.run(archive, folder.resolve("x")));
        assertTrue(refused.getMessage().contains("not a Secretariat backup"), refused.getMessage());
    }
}
