package org.secretariat.platform.rest.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.secretariat.platform.api.rest.ApiReadiness;
import org.secretariat.platform.api.rest.RestApi;

/**
 * The outermost layer of every request under {@code /api} (an HTTP whiteboard preprocessor, which
 * runs before any context, filter or servlet is chosen). While the JAX-RS whiteboard assembles or
 * rebuilds the application (at start-up, when a module comes or goes), a request can meet a servlet
 * or filter in the moment it is unregistered, or CXF without its endpoint. The HTTP service catches
 * that, records the exception in the request and calls {@code sendError(500)}; this layer answers the
 * API's JSON 503 with Retry-After instead, as {@link ApiStartingServlet} does when the application is
 * not there at all. Only those failures: any other container error stays a 500, and the
 * application's own answers (JSON bodies of any status) never pass through {@code sendError}.
 * A GET or HEAD that meets a rebuild is asked again, once, as soon as the application serves again
 * (at most 3 s): a page polling the progress of a module operation never sees the gap.
 */
@Component(service = Preprocessor.class)
public class ChangingApiGuard implements Preprocessor {

    private static final Logger LOG = Logger.getLogger(ChangingApiGuard.class.getName());
    private static final java.time.Duration RETRY_WAIT = java.time.Duration.ofSeconds(3);

    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile ApiReadiness readiness;
    /** What CXF answers, with a 404, for a request that finds no started server behind the application's servlet. */
    static final String CXF_NOT_FOUND = "<html><body>No service was found.</body></html>";
    static final byte[] BODY = "{\"status\":503,\"error\":\"The API is starting or changing; try again in a moment\"}"
            .getBytes(StandardCharsets.UTF_8);
    /** Where the servlet container records the exception of an error dispatch (javax, and the jakarta name Felix also uses). */
    private static final String[] ERROR_EXCEPTION = {"javax.servlet.error.exception", "jakarta.servlet.error.exception"};

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request instanceof HttpServletRequest ? ((HttpServletRequest) request).getRequestURI() : null;
        if (path == null || !RestApi.isApiPath(path) || !(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        // A read that meets a rebuild is asked again once the application serves (it has no body to re-read).
        boolean retryable = "GET".equals(((HttpServletRequest) request).getMethod()) || "HEAD".equals(((HttpServletRequest) request).getMethod());
        for (int attempt = 0;; attempt++) {
            NotFoundWatch watched = new NotFoundWatch(http, request);
            boolean changing;
            try {
                chain.doFilter(request, watched);
                changing = watched.runtimeChanged || watched.withoutApplication();
            } catch (ServletException | RuntimeException e) {
                if (http.isCommitted() || !runtimeChanging(e)) {
                    throw e;
                }
                changing = true;
            }
            if (!changing) {
                watched.release();
                return;
            }
            if (attempt > 0 || !retryable || http.isCommitted() || !servingAgain()) {
                unavailable(http, path);
                return;
            }
            for (String name : ERROR_EXCEPTION) {
                request.removeAttribute(name);
            }
            http.resetBuffer();
            http.setStatus(200);
            http.setContentType(null);
            LOG.log(Level.FINE, "Request to {0} met the REST runtime while it was changing: asked again", path);
        }
    }

    /** Waits (bounded) until the application serves again; false when there is no readiness to ask or it does not. */
    private boolean servingAgain() {
        ApiReadiness api = readiness;
        if (api == null) {
            return false;
        }
        try {
            return api.awaitServing(RETRY_WAIT).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The response as the chain sees it. It turns a container error caused by the runtime changing into
     * the JSON 503, and holds back an HTML 404 body: CXF writes {@value #CXF_NOT_FOUND} when a request
     * reaches the application's servlet in the moment the application is rebuilt (its server stopped,
     * the next not yet started). The application's own 404s are JSON and pass untouched.
     */
    private static final class NotFoundWatch extends HttpServletResponseWrapper {
        private final HttpServletResponse http;
        private final ServletRequest request;
        boolean runtimeChanged;
        private int status = 200;
        private java.io.StringWriter held;
        private java.io.PrintWriter heldWriter;

        NotFoundWatch(HttpServletResponse http, ServletRequest request) {
            super(http);
            this.http = http;
            this.request = request;
        }

        @Override
        public void setStatus(int status) {
            this.status = status;
            super.setStatus(status);
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            if (status == 404 && String.valueOf(getContentType()).startsWith("text/html")) {
                if (heldWriter == null) {
                    held = new java.io.StringWriter();
                    heldWriter = new java.io.PrintWriter(held);
                }
                return heldWriter;
            }
            return super.getWriter();
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status == 500 && !isCommitted() && runtimeChanging(recordedFailure(request))) {
                runtimeChanged = true; // answered (asked again, or the JSON 503) by the guard once the chain returns
            } else if (message == null) {
                super.sendError(status);
            } else {
                super.sendError(status, message);
            }
        }

        boolean withoutApplication() {
            if (held == null) {
                return false;
            }
            heldWriter.flush();
            return CXF_NOT_FOUND.equals(held.toString()) && !http.isCommitted();
        }

        /** Writes what was held back, when it was not CXF's answer of a rebuild. */
        void release() throws IOException {
            if (held != null) {
                heldWriter.flush();
                http.getWriter().write(held.toString());
            }
        }
    }

    private static Throwable recordedFailure(ServletRequest request) {
        for (String name : ERROR_EXCEPTION) {
            Object failure = request.getAttribute(name);
            if (failure instanceof Throwable) {
                return (Throwable) failure;
            }
        }
        return null;
    }

    /**
     * Whether a failure is the REST runtime changing under the request: a servlet or filter of the HTTP
     * whiteboard unregistered mid-request, or CXF's destination without its observer. (The launcher's
     * log filter recognises the same two causes to keep them out of the error log.)
     */
    static boolean runtimeChanging(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            String text = String.valueOf(cause.getMessage());
            if (text.contains("has been unregistered") || text.contains("incomingObserver")) {
                return true;
            }
        }
        return false;
    }

    /** The JSON 503; headers already set (the security headers) are kept, only the body is replaced. */
    private static void unavailable(HttpServletResponse http, String path) throws IOException {
        LOG.log(Level.FINE, "Request to {0} met the REST runtime while it was changing: 503", path);
        http.resetBuffer();
        http.setHeader("Content-Disposition", null);
        http.setStatus(503);
        http.setHeader("Retry-After", "1");
        http.setContentType("application/json");
        http.setContentLength(BODY.length);
        try {
            http.getOutputStream().write(BODY);
        } catch (IllegalStateException writerInUse) {
            http.getWriter().write(new String(BODY, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
