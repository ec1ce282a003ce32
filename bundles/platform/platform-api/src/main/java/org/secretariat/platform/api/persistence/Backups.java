package org.secretariat.platform.api.persistence;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Online backups of the platform's data while it keeps serving: a consistent copy of the embedded
 * database (Derby's online backup), the modules' files and the kept module versions, in one dated
 * archive under {@code <data>/backups} with a checksum of every entry. {@code bin/secretariat restore
 * ARCHIVE} restores one into an empty data folder.
 *
 * @since 1.2
 */
@ProviderType
public interface Backups {

    /** One archive: its file, size and SHA-256, when it was made, how long it took, how many files it holds. */
    record Backup(String file, long size, String sha256, Instant createdAt, long durationMillis, int entries) {
    }

    /**
     * Makes a backup now.
     *
     * @throws org.secretariat.platform.api.domain.DomainException a conflict when the database is not
     *         the embedded one (back an external database up with its own tools) or a backup is running
     */
    Backup create();

    /** The archives under {@code <data>/backups}, newest first. */
    List<Backup> list();
}
