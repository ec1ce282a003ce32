package org.secretariat.platform.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's audit trail, kept in the database across restarts. Every write through the REST
 * API is recorded by the platform itself; a module records what the platform cannot see (e.g. a
 * before/after summary of a record it changed, or work done outside a request).
 */
@ProviderType
public interface AuditLog {

    /**
     * Records one event.
     *
     * @param actor username, or {@code null} for the system
     * @param action what was done, e.g. {@code meetings.document.publish} or {@code POST /api/notes}
     * @param entity what it was done to, e.g. {@code /api/notes/12}
     * @param outcome {@code success}, {@code failure} or an HTTP status
     * @param detail a short summary (before/after values); secrets must not be passed here
     */
    void record(String actor, String action, String entity, String outcome, String detail);
}
