package org.secretariat.platform.security.impl;

import java.io.IOException;

import javax.servlet.FilterConfig;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.Preprocessor;
import org.secretariat.platform.api.rest.RestApi;

/**
 * Security headers on every response of the HTTP server: a strict Content-Security-Policy without
 * inline scripts, no sniffing, no framing, no referrer leaks, no caching of API answers, and HSTS when
 * the request came over HTTPS. An HTTP whiteboard preprocessor, so it runs before any context is
 * chosen: paths no context serves (`/`, `/WEB-INF/...`), the Web Console's HTTP-service context and
 * error answers get the headers too. Errors outside {@code /api} get a plain page instead of the
 * servlet container's, which names an internal servlet.
 */
@Component(service = Preprocessor.class, property = "service.ranking:Integer=1000")
public class SecurityHeadersFilter implements Preprocessor {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The Felix Web Console is built on inline scripts and styles; only there, for administrators,
     * the policy allows them.
     */
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse) {
            HttpServletResponse http = (HttpServletResponse) response;
            boolean console = request instanceof HttpServletRequest
                    && ((HttpServletRequest) request).getRequestURI().startsWith("/system/console");
            http.setHeader("Content-Security-Policy", console ? CONSOLE_CSP : CSP);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("Cross-Origin-Opener-Policy", "same-origin");
            http.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (request instanceof HttpServletRequest) {
                HttpServletRequest httpRequest = (HttpServletRequest) request;
                if (RestApi.isApiPath(httpRequest.getRequestURI())) {
                    http.setHeader("Cache-Control", "no-store");
                }
                if (httpRequest.isSecure()) {
                    http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }
            }
        }
        if (response instanceof HttpServletResponse && request instanceof HttpServletRequest
                && !RestApi.isApiPath(((HttpServletRequest) request).getRequestURI())) {
            chain.doFilter(request, new PlainErrors((HttpServletResponse) response));
        } else if (response instanceof HttpServletResponse) {
            chain.doFilter(request, new JsonErrors((HttpServletResponse) response));
        } else {
            chain.doFilter(request, response);
        }
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    /**
     * Under {@code /api}, an error the servlet container answers itself (a path no resource can take,
     * such as one whose {@code %2F} climbs out of {@code /api}) is still {@code {"status","error"}} JSON:
     * the API's own errors are written by its error mapper and never pass here.
     */
    static final class JsonErrors extends HttpServletResponseWrapper {
        JsonErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            String reason = status == 404 ? "Not found" : status == 405 ? "Method not allowed" : status == 403 ? "Forbidden"
                    : status == 401 ? "Authentication required" : status >= 500 ? "Internal error" : "Bad request";
            byte[] body = ("{\"status\":" + status + ",\"error\":\"" + reason + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            resetBuffer();
            setStatus(status);
            setContentType("application/json");
            setContentLength(body.length);
            try {
                getOutputStream().write(body);
            } catch (IllegalStateException writerInUse) {
                getWriter().write(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /** Error answers as a short page of this platform, keeping the headers set above. */
    private static final class PlainErrors extends HttpServletResponseWrapper {
        PlainErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            String reason = status == 404 ? "Not found" : status == 403 ? "Forbidden" : status == 401 ? "Log in first"
                    : status == 405 ? "Method not allowed" : status >= 500 ? "Something went wrong on the server" : "Request refused";
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + reason
                    + "</title></head><body><h1>" + reason + "</h1><p><a href=\"/app/\">Secretariat</a></p></body></html>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            resetBuffer();
            setStatus(status);
            setContentType("text/html;charset=utf-8");
            setContentLength(page.length);
            try {
                getOutputStream().write(page);
            } catch (IllegalStateException writerInUse) {
                getWriter().write(new String(page, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
