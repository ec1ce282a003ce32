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

/**
 * The outermost layer of every request under {@code /api} (an HTTP whiteboard preprocessor, which
 * runs before any context, filter or servlet is chosen). While the JAX-RS whiteboard assembles or
 * rebuilds the application (at start-up, when a module comes or goes), a request can meet a servlet
 * or filter in the moment it is unregistered, or CXF without its endpoint. The HTTP service catches
 * that, records the exception in the request and calls {@code sendError(500)}; this layer answers the
 * API's JSON 503 with Retry-After instead, as {@link ApiStartingServlet} does when the application is
 * not there at all. Only those failures: any other container error stays a 500, and the
 * application's own answers (JSON bodies of any status) never pass through {@code sendError}.
 */
@Component(service = Preprocessor.class)
public class ChangingApiGuard implements Preprocessor {

    private static final Logger LOG = Logger.getLogger(ChangingApiGuard.class.getName());
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
        if (path == null || !path.startsWith("/api/") || !(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(http) {
                @Override
                public void sendError(int status) throws IOException {
                    sendError(status, null);
                }

                @Override
                public void sendError(int status, String message) throws IOException {
                    if (status == 500 && !isCommitted() && runtimeChanging(recordedFailure(request))) {
                        unavailable(http, path);
                    } else if (message == null) {
                        super.sendError(status);
                    } else {
                        super.sendError(status, message);
                    }
                }
            });
        } catch (ServletException | RuntimeException e) {
            if (http.isCommitted() || !runtimeChanging(e)) {
                throw e;
            }
            unavailable(http, path);
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
        http.getOutputStream().write(BODY);
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
