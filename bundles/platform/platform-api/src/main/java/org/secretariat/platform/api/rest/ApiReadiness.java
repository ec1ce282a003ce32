package org.secretariat.platform.api.rest;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether the REST API serves what is registered, read from the running JAX-RS whiteboard (its
 * runtime DTOs and the life cycle of its application), never from HTTP requests: it holds for plain
 * HTTP and HTTPS alike. The JAX-RS whiteboard rebuilds the whole application whenever a resource or
 * extension comes or goes; while it does, the application answers nothing (its paths would meet a
 * 404), so readiness is false until the last rebuild has finished. Health, the module manager and the
 * gate in front of {@code /api} all ask this one service.
 */
@ProviderType
public interface ApiReadiness {

    /**
     * @return empty when every JAX-RS resource and extension registered now is served by a running
     *         application and no rebuild is under way; otherwise what is not so, in a sentence
     */
    Optional<String> problem();

    /**
     * Whether a change seen so far keeps the API from serving (a rebuild under way, or the last answer of
     * {@link #problem()} not yet serving). Cheaper than {@link #problem()}, which also compares the service
     * registry with the runtime: fit for a check on every request.
     */
    boolean changing();

    /**
     * Waits until {@link #problem()} is empty, or the time is up.
     *
     * @return what is still not served when the time is up; empty when the API serves everything
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<String> awaitServing(Duration timeout) throws InterruptedException;
}
