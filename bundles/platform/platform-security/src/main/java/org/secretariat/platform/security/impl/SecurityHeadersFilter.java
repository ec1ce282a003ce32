package org.secretariat.platform.security.impl;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Security headers on every response of every HTTP context (the REST API, and the web pages to come):
 * a strict Content-Security-Policy without inline scripts, no sniffing, no framing, no referrer
 * leaks, no caching of API answers, and HSTS when the request came over HTTPS.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=secretariat.security-headers",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)",
        "service.ranking:Integer=1000"})
public class SecurityHeadersFilter implements Filter {

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
                if (httpRequest.getRequestURI().startsWith("/api/")) {
                    http.setHeader("Cache-Control", "no-store");
                }
                if (httpRequest.isSecure()) {
                    http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }
            }
        }
        chain.doFilter(request, response);
    }
}
