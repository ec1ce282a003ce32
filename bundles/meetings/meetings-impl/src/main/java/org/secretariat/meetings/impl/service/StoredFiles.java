package org.secretariat.meetings.impl.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.secretariat.platform.api.persistence.FileStorage;

/**
 * Documents' files in the module's folder of the file store, once per content under their SHA-256
 * (the table keeps only the checksum). An upload is received in {@code incoming/} beside them, so
 * keeping it is a rename.
 */
public final class StoredFiles {

    private final FileStorage storage;

    public StoredFiles(FileStorage storage) {
        this.storage = storage;
    }

    public Path incoming() {
        return storage.folder(Meetings.MODULE).resolve("incoming");
    }

    public Path stored(String sha256) {
        return storage.folder(Meetings.MODULE).resolve("documents").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Moves a received file to its place; content already there is not stored twice. */
    public void keep(Path received, String sha256) throws IOException {
        Path target = stored(sha256);
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
