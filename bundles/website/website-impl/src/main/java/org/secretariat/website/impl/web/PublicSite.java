package org.secretariat.website.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.website.api.WebsiteTheme;
import org.secretariat.website.impl.service.Themes;
import org.secretariat.website.impl.service.PublicContent;
import org.secretariat.website.impl.service.SiteLanguages;

/**
 * The public website at {@code /}: {@code /<lang>/...} in a working language, or without the language
 * in the one the browser's {@code Accept-Language} asks for. Routes each request to the {@link Section}
 * of its first segment (pages answer the rest), renders the answer in the active theme, and serves it
 * with an ETag, Last-Modified and Cache-Control, from {@link RenderedCache} while nothing changed.
 * Only GET and HEAD; every other method is 405. Nothing a section throws reaches the client.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=secretariat.website"})
public class PublicSite extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicSite.class.getName());
    /** Public answers may be reused for a few seconds, then revalidated with their ETag. */
    static final String CACHE_CONTROL = "public, max-age=5";
    static final String ASSET_CACHE_CONTROL = "public, max-age=3600";
    private static final int MAX_URI = 2000;

    private final transient SiteLanguages languages;
    private final transient ConventionProfile profile;
    private final transient PublicContent content;
    private final transient Themes themes;
    private final transient Templates templates;
    private final transient SiteMessages messages;
    private final transient RenderedCache cache;
    private final transient Section pages;
    private final transient List<Section> sections = new CopyOnWriteArrayList<>();

    @Activate
    public PublicSite(@Reference SiteLanguages languages, @Reference ConventionProfile profile, @Reference PublicContent content,
            @Reference Themes themes, @Reference Templates templates, @Reference SiteMessages messages, @Reference RenderedCache cache,
            @Reference(target = "(website.section=pages)") Section pages) {
        this.languages = languages;
        this.profile = profile;
        this.content = content;
        this.themes = themes;
        this.templates = templates;
        this.messages = messages;
        this.cache = cache;
        this.pages = pages;
    }

    /** Sections come and go with the modules that feed them; the cache forgets what was rendered with or without them. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(!(website.section=pages))")
    void addSection(Section section) {
        sections.add(section);
        cache.clear();
    }

    void removeSection(Section section) {
        sections.remove(section);
        cache.clear();
    }

    @Override
    protected void service(javax.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.setHeader("Cache-Control", "no-store");
            response.sendError(405);
            return;
        }
        try {
            answer(request, response, "HEAD".equals(method));
        } catch (IOException | RuntimeException e) {
            if (response.isCommitted()) {
                LOG.log(Level.FINE, "Public answer to " + request.getRequestURI() + " cut short", e);
                return;
            }
            LOG.log(Level.SEVERE, "Public page " + request.getRequestURI() + " failed", e);
            response.reset();
            response.setHeader("Cache-Control", "no-store");
            response.sendError(500);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean head) throws IOException {
        String uri = request.getRequestURI();
        if (RestApi.isApiPath(uri)) {
            // only a path the container normalised out of /api (/api/x/..%2F..%2Fetc) reaches the site: the API's own 404
            response.setHeader("Cache-Control", "no-store");
            response.sendError(404);
            return;
        }
        List<String> segments = uri.length() > MAX_URI ? null : segments(uri);
        if (segments == null) {
            notFound(request, response, languages.negotiate(request.getHeader("Accept-Language")), head);
            return;
        }
        boolean languageInPath = !segments.isEmpty() && languages.isWorking(segments.get(0));
        String language = languageInPath ? segments.get(0) : languages.negotiate(request.getHeader("Accept-Language"));
        List<String> rest = languageInPath ? segments.subList(1, segments.size()) : segments;
        WebsiteTheme theme = themes.active();
        String key = origin(request) + "|"
                + theme.name() + "#" + themes.generation() + "|" + language + "|" + uri + "?" + (request.getQueryString() == null ? ""
                        : request.getQueryString());
        if (!languageInPath) {
            response.setHeader("Vary", "Accept-Language");
        }
        RenderedCache.Entry cached = cache.get(key);
        if (cached == null) {
            long readAt = cache.generation();
            Optional<Answer> found = route(new SiteRequest(language, languageInPath, rest, query(request), origin(request)));
            if (found.isEmpty()) {
                notFound(request, response, language, head);
                return;
            }
            Answer answer = found.get();
            if (answer instanceof Answer.Redirect redirect) {
                response.setHeader("Cache-Control", CACHE_CONTROL);
                response.sendRedirect(redirect.path());
                return;
            }
            if (answer instanceof Answer.Stream stream) {
                stream(request, response, stream, head);
                return;
            }
            cached = entry(200, answer, language, theme, rest, languageInPath);
            cache.put(key, cached, readAt);
        }
        send(request, response, cached, head);
    }

    private Optional<Answer> route(SiteRequest request) throws IOException {
        String origin = request.origin();
        String first = request.segments().isEmpty() ? "" : request.segments().get(0);
        if (first.isEmpty()) {
            return Optional.of(new Answer.Rendered("home.ftlh", profile.name(), Map.of("blocks", homeBlocks(request.language()))));
        }
        if (!request.languageInPath() && request.segments().size() == 1 && SiteFiles.ROBOTS.equals(first)) {
            return Optional.of(SiteFiles.robots(origin));
        }
        if (!request.languageInPath() && request.segments().size() == 1 && SiteFiles.SITEMAP.equals(first)) {
            return Optional.of(SiteFiles.sitemap(origin, languages.all(), sitemap()));
        }
        for (Section section : sections) {
            if (section.segment().equals(first)) {
                List<String> below = request.segments().isEmpty() ? List.of() : request.segments().subList(1, request.segments().size());
                return section.answer(new SiteRequest(request.language(), request.languageInPath(), below, request.query(), origin));
            }
        }
        return pages.answer(request);
    }

    private RenderedCache.Entry entry(int status, Answer answer, String language, WebsiteTheme theme, List<String> rest,
            boolean languageInPath) throws IOException {
        byte[] body;
        String contentType;
        if (answer instanceof Answer.Bytes bytes) {
            body = bytes.body();
            contentType = bytes.contentType();
        } else {
            Answer.Rendered rendered = (Answer.Rendered) answer;
            Map<String, Object> model = new HashMap<>(rendered.model());
            model.put("site", site(language, theme, rest, rendered.title()));
            model.put("t", messages.of(language));
            body = templates.render(theme, theme.name() + "#" + themes.generation(), rendered.template(), model).getBytes(StandardCharsets.UTF_8);
            contentType = "text/html;charset=UTF-8";
        }
        long now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        return new RenderedCache.Entry(status, contentType, language, body, etag(body), now);
    }

    /** What every template gets as {@code site}. */
    public record SiteModel(String name, String acronym, String language, String path, String title, String stylesheet,
            List<LanguageLink> languages, List<NavLink> navigation, List<PublicContent.MenuEntry> menu, int year) {
    }

    public record LanguageLink(String code, String label, String href, boolean current) {
    }

    public record NavLink(String label, String href) {
    }

    private SiteModel site(String language, WebsiteTheme theme, List<String> rest, String title) {
        String path = String.join("/", rest);
        List<LanguageLink> links = new ArrayList<>();
        for (String code : languages.all()) {
            links.add(new LanguageLink(code, messages.get(code, "language.name"), "/" + code + "/" + path, code.equals(language)));
        }
        List<NavLink> navigation = new ArrayList<>();
        sections.stream().filter(s -> s.navigation().isPresent()).sorted(Comparator.comparingInt(s -> s.navigation().get().order()))
                .forEach(s -> navigation.add(new NavLink(messages.get(language, s.navigation().get().messageKey()), "/" + language + "/" + s.segment())));
        return new SiteModel(profile.name(), profile.acronym(), language, path, title,
                "/theme/" + theme.name() + "/theme.css?v=" + themes.generation(), links, navigation, content.menu(language),
                Year.now(ZoneOffset.UTC).getValue());
    }

    /** Every section's home-page block in this language, in order. */
    public List<Section.HomeBlock> homeBlocks(String language) {
        List<Section.HomeBlock> blocks = new ArrayList<>();
        for (Section section : sections) {
            section.home(language).ifPresent(blocks::add);
        }
        blocks.sort(Comparator.comparingInt(Section.HomeBlock::order));
        return blocks;
    }

    /** Every address the sitemap lists, below the language. */
    public List<String> sitemap() {
        List<String> paths = new ArrayList<>(pages.sitemap());
        for (Section section : sections) {
            paths.addAll(section.sitemap());
        }
        return paths;
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, String language, boolean head) throws IOException {
        WebsiteTheme theme = themes.active();
        Map<String, Object> model = new LinkedHashMap<>();
        RenderedCache.Entry entry = entry(404, new Answer.Rendered("notfound.ftlh", messages.get(language, "notfound.title"), model), language,
                theme, List.of(), true);
        response.setStatus(404);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Language", language);
        response.setContentType(entry.contentType());
        response.setContentLength(entry.body().length);
        if (!head) {
            response.getOutputStream().write(entry.body());
        }
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, RenderedCache.Entry entry, boolean head) throws IOException {
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", entry.etag());
        response.setDateHeader("Last-Modified", entry.lastModified());
        if (entry.contentType().startsWith("text/html")) {
            response.setHeader("Content-Language", entry.language());
        }
        if (notModified(request, entry.etag(), entry.lastModified())) {
            response.setStatus(304);
            return;
        }
        response.setStatus(entry.status());
        response.setContentType(entry.contentType());
        response.setContentLength(entry.body().length);
        if (!head) {
            response.getOutputStream().write(entry.body());
        }
    }

    private static void stream(HttpServletRequest request, HttpServletResponse response, Answer.Stream stream, boolean head) throws IOException {
        String etag = "\"" + stream.etag() + "\"";
        long lastModified = stream.lastModified() == null ? -1 : stream.lastModified().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", etag);
        if (lastModified > 0) {
            response.setDateHeader("Last-Modified", lastModified);
        }
        if (notModified(request, etag, lastModified)) {
            response.setStatus(304);
            return;
        }
        response.setContentType(stream.contentType());
        response.setContentLengthLong(stream.size());
        if (stream.fileName() != null) {
            response.setHeader("Content-Disposition", stream.inline() ? ContentDisposition.inline(stream.fileName())
                    : ContentDisposition.attachment(stream.fileName()));
        }
        if (head) {
            return;
        }
        try (InputStream in = stream.source().open(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        return notModified(request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), etag, lastModified);
    }

    /**
     * Whether the client's copy is current (304): its If-None-Match names the ETag (weak or strong, or
     * {@code *}); only without If-None-Match, its If-Modified-Since is not before Last-Modified.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, long lastModified) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals(etag) || "*".equals(tag)) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince == null || lastModified <= 0) {
            return false;
        }
        long since;
        try {
            since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException unreadable) {
            return false;
        }
        return lastModified <= since;
    }

    static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path's segments, decoded; null for one no page can have (dot segments, control characters, encoded slashes, bad escapes). */
    static List<String> segments(String uri) {
        List<String> segments = new ArrayList<>();
        for (String raw : uri.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment;
            try {
                segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException bad) {
                return null;
            }
            // U+FFFD: escapes that are not UTF-8, which the decoder replaces rather than refuses
            if (segment.equals(".") || segment.equals("..")
                    || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == 0xFFFD)) {
                return null;
            }
            segments.add(segment);
        }
        return segments;
    }

    /** {@code scheme://host[:port]} as the client addressed this server (the cache keeps answers per origin). */
    static String origin(HttpServletRequest request) {
        String scheme = request.isSecure() ? "https" : "http";
        int port = request.getServerPort();
        boolean usual = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port);
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0 && name.length() <= 50) {
                query.put(name, values[0].length() > 500 ? values[0].substring(0, 500) : values[0]);
            }
        });
        return query;
    }
}
