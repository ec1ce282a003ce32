package org.secretariat.platform.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.web.StaffRequests;

/**
 * Serves the staff app at {@code /app}: the shell (public, it holds the login page and no data),
 * and each contributing bundle's {@code web/} folder at {@code /app/modules/<symbolic name>/} to
 * logged-in staff only. Files come straight out of the bundles, so a module's pages change with
 * its version and disappear with it. Only known file types are served; anything else is 404.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/app",
        "osgi.http.whiteboard.servlet.pattern=/app/*",
        "osgi.http.whiteboard.servlet.name=secretariat.staff-app"})
public class ShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String MODULES_PATH = "/app/modules/";
    private static final String SHELL_PATH = "/app/shell/";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2");

    private final transient Bundle own;
    private final transient WebContributions contributions;
    private final transient Authorization authorization;

    @Activate
    public ShellServlet(BundleContext context, @Reference WebContributions contributions, @Reference Authorization authorization) {
        this.own = context.getBundle();
        this.contributions = contributions;
        this.authorization = authorization;
    }

    @Override
    protected void service(javax.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            error(response, 405, "The staff app's files are read-only");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/app")) {
            response.sendRedirect(request.getContextPath() + "/app/");
        } else if (path.equals("/app/") || path.equals("/app/index.html")) {
            serve(request, response, own, "shell/index.html");
        } else if (path.startsWith(SHELL_PATH)) {
            serve(request, response, own, safe(path.substring(SHELL_PATH.length())).map(p -> "shell/" + p).orElse(null));
        } else if (path.startsWith(MODULES_PATH)) {
            serveModuleFile(request, response, path.substring(MODULES_PATH.length()));
        } else {
            error(response, 404, "No such page");
        }
    }

    private void serveModuleFile(HttpServletRequest request, HttpServletResponse response, String rest) throws IOException {
        Optional<AuthenticatedUser> user = StaffRequests.caller(authorization, request);
        if (user.isEmpty() || user.get().passwordChangeRequired()) {
            error(response, 401, "Log in to load the staff app's pages");
            return;
        }
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            error(response, 404, "No such file");
            return;
        }
        Optional<Bundle> bundle = contributions.contributingBundle(rest.substring(0, slash));
        Optional<String> file = safe(rest.substring(slash + 1));
        if (bundle.isEmpty() || file.isEmpty()) {
            error(response, 404, "No such file");
            return;
        }
        serve(request, response, bundle.get(), "web/" + file.get());
    }


    /** The relative path if every segment is a plain name (no '..', no empty segment, no encoded tricks). */
    static Optional<String> safe(String relative) {
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        for (String segment : relative.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(relative);
    }

    private static void serve(HttpServletRequest request, HttpServletResponse response, Bundle bundle, String entry) throws IOException {
        String type = entry == null ? null : TYPES.get(entry.substring(entry.lastIndexOf('.') + 1));
        URL url = type == null ? null : bundle.getEntry(entry);
        if (url == null) {
            error(response, 404, "No such file");
            return;
        }
        // Files change with the bundle's version: revalidate every time, answer 304 while the bundle is the same.
        String etag = "\"" + bundle.getBundleId() + "-" + bundle.getLastModified() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setContentType(type);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("{\"status\":" + status + ",\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
