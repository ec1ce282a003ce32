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

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Holds REST requests while a module operation changes bundles, instead of letting them meet the
 * JAX-RS whiteboard rebuilding its application (which answers 404 meanwhile). Closing waits for the
 * requests already inside to finish; a held request goes on as soon as the gate opens, or after
 * {@value #HOLD_SECONDS} s gets a 503 with Retry-After. The module operations' own requests pass.
 * At start-up the gate stays closed
 * until the API answers (probed on the loopback interface), so early callers are held, not told 404.
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
    /** Marks the module manager's own probe of a module's REST paths, which must pass the closed gate. */
    static final String PROBE_HEADER = "X-Secretariat-Module-Probe";

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed = true;
    private int inside;
    private final Thread startup;

    @Activate
    public TrafficGate(BundleContext context) {
        String port = context.getProperty("org.osgi.service.http.port");
        if (port == null || "true".equals(context.getProperty("secretariat.https"))) {
            // No plain loopback port to probe: open at once.
            closed = false;
            startup = null;
            return;
        }
        startup = new Thread(() -> openWhenServing("http://127.0.0.1:" + port + "/api/platform/health"), "secretariat-api-startup");
        startup.setDaemon(true);
        startup.start();
    }

    @Deactivate
    void stop() {
        if (startup != null) {
            startup.interrupt();
        }
        open();
    }

    /** Opens the gate once the health resource answers (200 or 503 from the application, not a 404 of a half-built one). */
    private void openWhenServing(String health) {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                int status = ModuleManager.probe(health);
                if (status == 200 || status == 503) {
                    break;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open();
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request instanceof HttpServletRequest
                ? java.net.URI.create(((HttpServletRequest) request).getRequestURI().replace(" ", "%20")).normalize().getPath() : "";
        boolean probe = request instanceof HttpServletRequest && ((HttpServletRequest) request).getHeader(PROBE_HEADER) != null
                && isLoopback(request.getRemoteAddr());
        if (path == null || !path.startsWith("/api/") || path.startsWith(OPERATIONS_PATH) || probe) {
            chain.doFilter(request, response);
            return;
        }
        if (!enter()) {
            unavailable((HttpServletResponse) response, "A module is being changed; try again in a moment");
            return;
        }
        try {
            // What the JAX-RS runtime throws while it changes becomes a JSON 503 in platform-rest's ChangingApiGuard.
            chain.doFilter(request, response);
        } finally {
            leave();
        }
    }

    private static boolean isLoopback(String address) {
        return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
    }

    private static void unavailable(HttpServletResponse http, String message) throws IOException {
        http.setStatus(503);
        http.setHeader("Retry-After", "1");
        http.setContentType("application/json");
        http.getOutputStream().write(("{\"status\":503,\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private boolean enter() {
        lock.lock();
        try {
            long wait = TimeUnit.SECONDS.toNanos(HOLD_SECONDS);
            while (closed) {
                if (wait <= 0) {
                    return false;
                }
                wait = changed.awaitNanos(wait);
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
