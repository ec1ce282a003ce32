package org.secretariat.platform.rest.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Answers {@code /api/*} while the JAX-RS application is not there (at start-up, or if its extensions
 * are missing): a JSON 503 with Retry-After, in the API's error shape, instead of the HTTP server's
 * HTML 404. The application's own context at {@code /api} takes precedence as soon as it exists.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=secretariat.api-starting"})
public class ApiStartingServlet extends HttpServlet {

    /**
     * The same answer inside the application's own context at {@code /api}, ranked below everything:
     * it serves only in the moments that context exists without the application's servlet.
     */
    @Component(service = Servlet.class, property = {
            "osgi.http.whiteboard.servlet.pattern=/*",
            "osgi.http.whiteboard.servlet.name=secretariat.api-starting-in-context",
            "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.path=/api)",
            "service.ranking:Integer=-2147483648"})
    public static class InApplicationContext extends ApiStartingServlet {
        private static final long serialVersionUID = 1L;
    }

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = "{\"status\":503,\"error\":\"The API is starting; try again in a moment\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
