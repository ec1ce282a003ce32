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
 * or filter in the moment it is unregistered, or CXF without its endpoint. The HTTP service answers
 * that with {@code sendError(500)} (and logs it); this layer turns such a container error into the
 * API's JSON 503 with Retry-After, as {@link ApiStartingServlet} does when the application is not
 * there at all. Errors the application answers itself (JSON bodies, any status) pass untouched.
 */
@Component(service = Preprocessor.class)
public class ChangingApiGuard implements Preprocessor {

    private static final Logger LOG = Logger.getLogger(ChangingApiGuard.class.getName());
    static final byte[] BODY = "{\"status\":503,\"error\":\"The API is starting or changing; try again in a moment\"}"
            .getBytes(StandardCharsets.UTF_8);

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
                    if (status == 500 && !isCommitted()) {
                        unavailable(http, path);
                    } else {
                        super.sendError(status);
                    }
                }
            });
        } catch (ServletException | RuntimeException e) {
            if (http.isCommitted()) {
                throw e;
            }
            unavailable(http, path);
        }
    }

    private static void unavailable(HttpServletResponse http, String path) throws IOException {
        LOG.log(Level.FINE, "Request to {0} met the REST runtime while it was changing: 503", path);
        http.reset();
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
