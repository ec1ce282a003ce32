package org.secretariat.platform.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells a full or read-only data folder from other failures. The REST layer asks it about a failure
 * nothing else explained: when the storage is the cause, the request is answered 507 with a clear
 * message instead of an incident, health names the condition, and the platform resumes writing by
 * itself once there is room again.
 *
 * @since 1.2
 */
@ProviderType
public interface StorageFailures {

    /** Whether {@code failure} (or a cause of it) is the storage refusing writes; true also starts the watch for recovery. */
    boolean report(Throwable failure);

    /**
     * The storage condition behind a failure (a disk or quota full, a read-only file system, a database
     * that refuses page or log writes), or null when it is something else. Code that would otherwise
     * turn an I/O failure into a client error (an upload that "could not be read") asks this first and
     * lets a storage failure through, so that it is answered as one.
     */
    static String causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (cause instanceof java.sql.SQLException && STORAGE_STATES.contains(((java.sql.SQLException) cause).getSQLState())) {
                return "database: " + firstLine(cause.getMessage());
            }
            if (STORAGE_MESSAGES.stream().anyMatch(message::contains)) {
                return firstLine(cause.getMessage());
            }
            // Derby's own exception type (not an SQLException) starts its message with the state.
            if (STORAGE_STATES.stream().anyMatch(state -> message.startsWith(state.toLowerCase(java.util.Locale.ROOT) + ":"))) {
                return "database: " + firstLine(cause.getMessage());
            }
        }
        return null;
    }

    /** Derby: a page or the log could not be written; after that the database refuses changes (read-only) until rebooted. */
    java.util.Set<String> STORAGE_STATES = java.util.Set.of("XSDG1", "XSDG2", "XSDG8", "XSLA4", "XSLAA", "XSLAB", "25502");

    /** Operating-system messages of a storage that refuses writes. */
    java.util.List<String> STORAGE_MESSAGES = java.util.List.of("no space left on device", "disk quota exceeded", "read-only file system",
            "not enough space on the disk", "an sql data change is not permitted for a read-only");

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }
}
