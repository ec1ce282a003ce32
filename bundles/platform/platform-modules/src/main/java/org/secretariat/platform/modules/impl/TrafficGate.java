package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.rest.ApiReadiness;
import org.secretariat.platform.api.rest.RestApi;

/**
 * Holds REST requests while the API cannot answer them, instead of letting them meet the JAX-RS
 * whiteboard rebuilding its application (which answers 404 meanwhile): while a module operation
 * changes bundles (closed by the module manager), and whenever the platform's {@link ApiReadiness}
 * says the application is being assembled or rebuilt (at start-up, or when any resource or extension
 * comes or goes). Closing waits for the requests already inside to finish; a held request goes on as
 * soon as the API serves again, or after {@value #HOLD_SECONDS} s gets a 503 with Retry-After. The
 * module operations' own requests pass. Readiness is read from the runtime, not probed over HTTP, so
 * the gate works the same under HTTPS.
 */
@Component(service = {Filter.class, TrafficGate.class}, property = {
        // Patterns are relative to each context and the JAX-RS application has its own at /api: match all, check the URI.
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=secretariat.module-traffic-gate",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"})
public class TrafficGate implements Filter {

    static final int HOLD_SECONDS = 5;
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final String OPERATIONS_PATH = "/api/platform/modules";
    private static final String HEALTH_PATH = "/api/platform/health";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;
    private int inside;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ApiReadiness readiness;

    @Deactivate
    void stop() {
        open();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request instanceof HttpServletRequest ? RestApi.decodedPath(((HttpServletRequest) request).getRequestURI()) : "";
        if (path == null || !path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_SECONDS);
        if (path.startsWith(OPERATIONS_PATH)) {
            // The operations' own requests (and a page polling their progress) pass a closed gate, but wait out
            // a rebuild of the application they live in (bounded), and then go on whatever readiness says.
            serving(deadline);
            chain.doFilter(request, response);
            return;
        }
        if (!enter(deadline)) {
            unavailable((HttpServletResponse) response, "A module is being changed; try again in a moment");
            return;
        }
        try {
            // Health answers while the API is not ready (503 with the reason): it is how callers learn when to come back.
            if (!path.equals(HEALTH_PATH) && !serving(deadline)) {
                unavailable((HttpServletResponse) response, "The API is starting or changing; try again in a moment");
                return;
            }
            // What the JAX-RS runtime throws while it changes becomes a JSON 503 in platform-rest's ChangingApiGuard.
            chain.doFilter(request, response);
        } finally {
            leave();
        }
    }

    /** Waits, until the deadline, for the application to serve everything registered. */
    private boolean serving(long deadline) {
        ApiReadiness api = readiness;
        if (api == null || !api.changing()) {
            return true;
        }
        try {
            return api.awaitServing(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void unavailable(HttpServletResponse http, String message) throws IOException {
        http.setStatus(503);
        http.setHeader("Retry-After", "1");
        http.setContentType("application/json");
        http.getOutputStream().write(("{\"status\":503,\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private boolean enter(long deadline) {
        lock.lock();
        try {
            while (closed) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    return false;
                }
                changed.awaitNanos(wait);
            }
            inside++;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void leave() {
        lock.lock();
        try {
            inside--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops letting requests in and waits (bounded) for those inside to finish. */
    void close() {
        lock.lock();
        try {
            closed = true;
            long wait = DRAIN.toNanos();
            while (inside > 0 && wait > 0) {
                wait = changed.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the held requests go on. */
    void open() {
        lock.lock();
        try {
            closed = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
