package org.secretariat.expertise.impl.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.owasp.encoder.Encode;
import org.secretariat.expertise.impl.service.Experts;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The expert's own profile form at {@code /expertise-profile/<link>}: served to anyone holding the link,
 * without an account, as HTML rendered here (every value escaped by the OWASP encoder, no script, no
 * inline style) that works without JavaScript, in English, French or Spanish ({@code ?lang=}, else the
 * expert's language). GET shows the form; POST (form-encoded) saves and answers 303 to
 * {@code .../saved}, or the form again with what is wrong (400), or a page saying why not: 404 not a link,
 * 410 expired or the profile no longer kept, 409 a form too old or the profile changed meanwhile, 429 too
 * many submissions from the address (with {@code Retry-After}). Nothing is cached.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/expertise-profile/*",
        "osgi.http.whiteboard.servlet.name=secretariat.expertise.profile"})
public class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProfileServlet.class.getName());
    private static final String SAVED = "/saved";
    private static final List<String> REGIONS = List.of("AFRICA", "AMERICAS", "ASIA", "EUROPE", "OCEANIA");
    private static final List<String> KINDS = List.of("ADVICE", "TRAINING", "FIELD_WORK");
    private static final int WINDOW_ROWS = 2;

    private final transient ProfileLinks links;
    private final transient ConventionProfile profile;

    @Activate
    public ProfileServlet(@Reference ProfileLinks links, @Reference ConventionProfile profile) {
        this.links = links;
        this.profile = profile;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String asked = request.getParameter("lang");
        try {
            if (path.endsWith(SAVED) && "GET".equals(method)) {
                ProfileLinks.Opened opened = links.open(token(path.substring(0, path.length() - SAVED.length())));
                String language = FormText.language(asked, opened.language());
                send(response, 200, language, page(language, FormText.get(language, "saved"),
                        "<p>" + Encode.forHtml(FormText.get(language, "keptUntil").replace("{day}", opened.profile().retainUntil().toString())) + "</p>"));
            } else if ("GET".equals(method)) {
                ProfileLinks.Opened opened = links.open(token(path));
                String language = FormText.language(asked, opened.language());
                send(response, 200, language, form(language, opened, current(opened.profile()), null));
            } else if ("POST".equals(method)) {
                submit(request, response, token(path), asked);
            } else {
                response.setHeader("Allow", "GET, POST");
                response.sendError(405);
            }
        } catch (LinkRefusal refusal) {
            String language = FormText.language(asked, null);
            send(response, refusal.status, language, page(language, FormText.get(language, "title"),
                    "<p role=\"alert\">" + Encode.forHtml(FormText.get(language, refusal.reason)) + "</p>"));
        } catch (IOException | RuntimeException e) {
            if (response.isCommitted()) {
                LOG.log(Level.FINE, "Profile form answer cut short", e);
                return;
            }
            LOG.log(Level.SEVERE, "The expert profile form failed", e);
            response.reset();
            response.setHeader("Cache-Control", "no-store");
            response.sendError(500);
        }
    }

    private void submit(HttpServletRequest request, HttpServletResponse response, String token, String asked) throws IOException {
        Optional<Duration> wait = links.admit(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            String language = FormText.language(asked, null);
            response.setHeader("Retry-After", String.valueOf(seconds));
            send(response, 429, language, page(language, FormText.get(language, "title"), "<p role=\"alert\">"
                    + Encode.forHtml(FormText.get(language, "tooMany").replace("{minutes}", String.valueOf((seconds + 59) / 60))) + "</p>"));
            return;
        }
        Values values = Values.of(request);
        ProfileLinks.Opened opened = links.open(token);
        String language = FormText.language(asked, opened.language());
        try {
            links.submit(token, request.getParameter("nonce"), values.input(parseVersion(request.getParameter("version"))));
        } catch (DomainException refused) {
            if (refused.kind() != DomainException.Kind.INVALID) {
                throw refused;
            }
            send(response, 400, language, form(language, opened, values, refused));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(303);
        response.setHeader("Location", "/expertise-profile/" + token + SAVED + "?lang=" + language);
    }

    private static Integer parseVersion(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The link's token: the path's one segment. */
    private static String token(String path) {
        return path.startsWith("/") && path.indexOf('/', 1) < 0 ? path.substring(1) : "";
    }

    /** What the form shows and sends back, as text. */
    record Values(String organisation, List<String> themes, String languages, List<String> regions, List<String> kinds, List<String[]> windows,
            boolean renew) {

        static Values of(HttpServletRequest request) {
            List<String[]> windows = new ArrayList<>();
            for (int i = 0; i < 20 && request.getParameter("from" + i) != null; i++) {
                windows.add(new String[] {request.getParameter("from" + i), request.getParameter("to" + i)});
            }
            return new Values(request.getParameter("organisation"), list(request, "themes"), request.getParameter("languages"),
                    list(request, "regions"), list(request, "kinds"), windows, "yes".equals(request.getParameter("renew")));
        }

        private static List<String> list(HttpServletRequest request, String name) {
            String[] values = request.getParameterValues(name);
            return values == null ? List.of() : Arrays.asList(values);
        }

        Experts.SelfInput input(Integer version) {
            List<Experts.Window> availability = new ArrayList<>();
            for (String[] w : windows) {
                boolean fromBlank = w[0] == null || w[0].isBlank();
                boolean toBlank = w[1] == null || w[1].isBlank();
                if (fromBlank && toBlank) {
                    continue;
                }
                try {
                    availability.add(new Experts.Window(fromBlank ? null : LocalDate.parse(w[0].trim()), toBlank ? null : LocalDate.parse(w[1].trim())));
                } catch (DateTimeParseException e) {
                    throw DomainException.invalid("availability", "a day is written 2026-09-30");
                }
            }
            List<String> languageCodes = Arrays.stream((languages == null ? "" : languages).split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
            return new Experts.SelfInput(organisation, themes, languageCodes, regions, kinds, availability, renew, version);
        }
    }

    private static Values current(Experts.View expert) {
        List<String[]> windows = new ArrayList<>();
        expert.availability().forEach(w -> windows.add(new String[] {w.from().toString(), w.to().toString()}));
        return new Values(expert.organisation(), expert.themes(), String.join(", ", expert.languages()), expert.regions(), expert.kinds(), windows,
                false);
    }

    private String form(String language, ProfileLinks.Opened opened, Values values, DomainException error) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(Encode.forHtml(FormText.get(language, "intro"))).append("</p>");
        html.append("<p><strong>").append(Encode.forHtml(opened.profile().name())).append("</strong></p>");
        if (error != null) {
            html.append("<div role=\"alert\" id=\"errors\"><p>").append(Encode.forHtml(FormText.get(language, "errors"))).append("</p><ul><li><a href=\"#")
                    .append(Encode.forHtmlAttribute(anchor(error.field()))).append("\">").append(Encode.forHtml(error.getMessage()))
                    .append("</a></li></ul></div>");
        }
        html.append("<form method=\"post\" action=\"?lang=").append(Encode.forHtmlAttribute(language)).append("\">");
        html.append("<input type=\"hidden\" name=\"nonce\" value=\"").append(Encode.forHtmlAttribute(opened.nonce())).append("\">");
        html.append("<input type=\"hidden\" name=\"version\" value=\"").append(opened.profile().version()).append("\">");
        html.append("<p><label for=\"organisation\">").append(Encode.forHtml(FormText.get(language, "organisation"))).append("</label><br>")
                .append("<input id=\"organisation\" name=\"organisation\" maxlength=\"300\" value=\"")
                .append(Encode.forHtmlAttribute(values.organisation() == null ? "" : values.organisation())).append("\"></p>");
        checkboxes(html, language, "themes", profile.thematicAreas(), values.themes(), false);
        html.append("<p><label for=\"languages\">").append(Encode.forHtml(FormText.get(language, "languages"))).append("</label><br>")
                .append("<input id=\"languages\" name=\"languages\" required aria-describedby=\"languages-help\" value=\"")
                .append(Encode.forHtmlAttribute(values.languages() == null ? "" : values.languages())).append("\"><br><small id=\"languages-help\">")
                .append(Encode.forHtml(FormText.get(language, "languagesHelp"))).append("</small></p>");
        checkboxes(html, language, "regions", REGIONS, values.regions(), true);
        checkboxes(html, language, "kinds", KINDS, values.kinds(), true);
        html.append("<fieldset id=\"availability\"><legend>").append(Encode.forHtml(FormText.get(language, "availability"))).append("</legend>");
        List<String[]> rows = new ArrayList<>(values.windows());
        for (int i = 0; i < WINDOW_ROWS; i++) {
            rows.add(new String[] {"", ""});
        }
        for (int i = 0; i < rows.size(); i++) {
            String n = String.valueOf(i + 1);
            html.append("<p><label for=\"from").append(i).append("\">").append(Encode.forHtml(FormText.get(language, "from").replace("{n}", n)))
                    .append("</label> <input type=\"date\" id=\"from").append(i).append("\" name=\"from").append(i).append("\" value=\"")
                    .append(Encode.forHtmlAttribute(rows.get(i)[0] == null ? "" : rows.get(i)[0])).append("\"> <label for=\"to").append(i).append("\">")
                    .append(Encode.forHtml(FormText.get(language, "to").replace("{n}", n))).append("</label> <input type=\"date\" id=\"to").append(i)
                    .append("\" name=\"to").append(i).append("\" value=\"").append(Encode.forHtmlAttribute(rows.get(i)[1] == null ? "" : rows.get(i)[1]))
                    .append("\"></p>");
        }
        html.append("</fieldset>");
        html.append("<fieldset><legend>").append(Encode.forHtml(FormText.get(language, "consent"))).append("</legend><p>")
                .append(Encode.forHtml(FormText.get(language, "keptUntil").replace("{day}", opened.profile().retainUntil().toString())))
                .append("</p><p><input type=\"checkbox\" id=\"renew\" name=\"renew\" value=\"yes\"").append(values.renew() ? " checked" : "")
                .append("> <label for=\"renew\">").append(Encode.forHtml(FormText.get(language, "renew"))).append("</label></p></fieldset>");
        html.append("<p><button type=\"submit\">").append(Encode.forHtml(FormText.get(language, "save"))).append("</button></p></form>");
        return page(language, FormText.get(language, "title"), html.toString());
    }

    private static String anchor(String field) {
        return field == null ? "organisation" : field;
    }

    private static void checkboxes(StringBuilder html, String language, String name, List<String> options, List<String> checked, boolean translated) {
        html.append("<fieldset id=\"").append(name).append("\"><legend>").append(Encode.forHtml(FormText.get(language, name))).append("</legend>");
        for (int i = 0; i < options.size(); i++) {
            String value = options.get(i);
            String id = name + "-" + i;
            html.append("<p><input type=\"checkbox\" id=\"").append(id).append("\" name=\"").append(name).append("\" value=\"")
                    .append(Encode.forHtmlAttribute(value)).append("\"").append(checked.contains(value) ? " checked" : "").append("> <label for=\"")
                    .append(id).append("\">").append(Encode.forHtml(translated ? FormText.get(language, value) : value)).append("</label></p>");
        }
        html.append("</fieldset>");
    }

    private String page(String language, String title, String body) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(Encode.forHtmlAttribute(language)).append("\"><head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(Encode.forHtml(title)).append(" – ")
                .append(Encode.forHtml(profile.acronym())).append("</title></head><body><header><p>").append(Encode.forHtml(profile.name()))
                .append("</p><nav aria-label=\"").append(Encode.forHtmlAttribute(FormText.get(language, "language"))).append("\">");
        for (String other : FormText.all().keySet().stream().sorted().toList()) {
            html.append(" <a href=\"?lang=").append(other).append("\" lang=\"").append(other).append("\"")
                    .append(other.equals(language) ? " aria-current=\"true\"" : "").append(">").append(other.toUpperCase()).append("</a>");
        }
        return html.append("</nav></header><main><h1>").append(Encode.forHtml(title)).append("</h1>").append(body).append("</main></body></html>")
                .toString();
    }

    private static void send(HttpServletResponse response, int status, String language, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", language);
        response.setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
