package org.secretariat.platform.api.persistence;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's record of which schema version each module's tables are at.
 */
@ProviderType
public interface SchemaVersions {

    /** One module's schema state. */
    final class SchemaVersion {
        private final String module;
        private final int version;
        private final java.time.Instant updatedAt;

        public SchemaVersion(String module, int version, java.time.Instant updatedAt) {
            this.module = module;
            this.version = version;
            this.updatedAt = updatedAt;
        }

        public String getModule() {
            return module;
        }

        public int getVersion() {
            return version;
        }

        public java.time.Instant getUpdatedAt() {
            return updatedAt;
        }
    }

    /** Every module that has tables, by name. */
    List<SchemaVersion> all();

    /**
     * Of a module's migration files (name to content), those that differ from what was applied under
     * the same number, each as a sentence naming the file: a shipped migration must never change.
     * Empty when none has changed (or none was applied yet).
     *
     * @since 1.2
     */
    List<String> changedMigrations(String module, java.util.Map<String, byte[]> migrationFiles);
}
