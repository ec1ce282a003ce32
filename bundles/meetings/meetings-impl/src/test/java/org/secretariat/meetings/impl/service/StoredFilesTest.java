package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredFilesTest {

    @TempDir
    Path folder;

    @Test
    void filesAreKeptUnderTheirChecksum() {
        Path stored = new StoredFiles(new TestModule.FolderStorage(folder)).stored("ab12cd");
        assertEquals(folder.resolve("meetings").resolve("documents").resolve("ab").resolve("ab12cd"), stored);
    }

    @Test
    void contentAlreadyKeptIsNotStoredTwice() throws IOException {
        StoredFiles files = new StoredFiles(new TestModule.FolderStorage(folder));
        Path first = Files.writeString(Files.createDirectories(files.incoming()).resolve("upload-1.part"), "same");
        Path second = Files.writeString(files.incoming().resolve("upload-2.part"), "same");
        files.keep(first, "ab12cd");
        files.keep(second, "ab12cd");
        assertFalse(Files.exists(first), "moved, not copied");
        assertTrue(Files.exists(second), "left for the upload to throw away");
        assertEquals("same", Files.readString(files.stored("ab12cd")));
    }
}
