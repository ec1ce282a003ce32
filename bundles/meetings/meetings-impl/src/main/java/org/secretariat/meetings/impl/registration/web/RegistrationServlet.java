package org.secretariat.meetings.impl.registration.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.meetings.impl.registration.LinkRefusal;
import org.secretariat.meetings.impl.registration.RegistrationForm;
import org.secretariat.platform.api.ConventionProfile;

/**
 * The public registration form at {@code /register/<link>} (the website serves {@code /} and keeps
 * {@code register} among its reserved slugs, so no page of it can take this address): served by the
 * platform to anyone holding an invitation's link, without a staff account, as HTML rendered here
 * that works without JavaScript. GET shows the form ({@code ?lang=} switches its language), POST takes
 * a submission and answers 303 to {@code /register/<link>/received}, or the form again with what is
 * wrong (400; 415 for a letter that is not a PDF), or a page saying why not: 404 a link that is not
 * one, 410 expired or withdrawn, 409 registration closed or the form already taken, 413 too large, 429
 * too many submissions from the address (with {@code Retry-After}). Nothing is cached.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/register/*",
        "osgi.http.whiteboard.servlet.name=secretariat.meetings.registration"})
public class RegistrationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RegistrationServlet.class.getName());
    private static final String RECEIVED = "/received";
    private static final String STYLESHEET = "/form.css";

    private final transient RegistrationForm form;
    private final transient ConventionProfile profile;

    @Activate
    public RegistrationServlet(@Reference RegistrationForm form, @Reference ConventionProfile profile) {
        this.form = form;
        this.profile = profile;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (STYLESHEET.equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
                stylesheet(response, "HEAD".equals(method));
            } else if (path.endsWith(RECEIVED) && ("GET".equals(method) || "HEAD".equals(method))) {
                received(request, response, token(path.substring(0, path.length() - RECEIVED.length())));
            } else if ("GET".equals(method) || "HEAD".equals(method)) {
                show(request, response, token(path));
            } else if ("POST".equals(method)) {
                submit(request, response, token(path));
            } else {
                response.setHeader("Allow", "GET, HEAD, POST");
                response.sendError(405);
            }
        } catch (LinkRefusal refusal) {
            refused(request, response, path, refusal);
        } catch (IOException | RuntimeException e) {
            if (response.isCommitted()) {
                LOG.log(Level.FINE, "Registration answer cut short", e);
                return;
            }
            LOG.log(Level.SEVERE, "The registration form failed", e);
            response.reset();
            response.setHeader("Cache-Control", "no-store");
            response.sendError(500);
        }
    }

    /** The link's token: the path's one segment. Anything else is no link (the form answers it as a link that is not valid). */
    private static String token(String path) {
        return path.startsWith("/") && path.indexOf('/', 1) < 0 ? path.substring(1) : "";
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        RegistrationForm.Form opened = form.open(token, request.getParameter("lang"));
        // The focal point is, to begin with, whom the invitation went to.
        Map<String, String> invited = new HashMap<>();
        invited.put("focalName", opened.invitation().name() == null ? "" : opened.invitation().name());
        invited.put("focalEmail", opened.invitation().email());
        send(response, 200, opened.language(), formPage(token, opened, invited, List.of(), null));
    }

    private String formPage(String token, RegistrationForm.Form opened, Map<String, String> values, List<RegistrationForm.Problem> problems,
            String message) {
        return FormPages.form(new FormPages.FormView(frame(opened.language(), "/register/" + token), token, opened.invitation(), opened.nonce(),
                opened.delegateLanguages(), values, problems, message));
    }

    private void received(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Invitations.Opened invitation = form.invitation(token);
        String language = RegistrationForm.language(request.getParameter("lang"), invitation.language());
        send(response, 200, language, FormPages.received(frame(language, "/register/" + token + RECEIVED), token, invitation));
    }

    private void submit(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        String asked = request.getParameter("lang");
        Optional<Duration> wait = form.admit(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            response.setHeader("Retry-After", String.valueOf(seconds));
            message(response, 429, language(asked), "tooMany", Map.of("minutes", String.valueOf(Math.max(1, (seconds + 59) / 60))), token);
            return;
        }
        if (request.getContentLengthLong() > FormUpload.maxRequestBytes()) {
            tooLarge(response, asked, token);
            return;
        }
        FormUpload upload;
        try (InputStream body = request.getInputStream()) {
            upload = FormUpload.read(request.getContentType(), body, form.incomingFolder());
        } catch (FormUpload.TooLarge e) {
            tooLarge(response, asked, token);
            return;
        } catch (FormUpload.Unreadable e) {
            message(response, 400, invitationLanguage(asked, token), "badRequest", Map.of(), token);
            return;
        }
        try (upload) {
            String language = upload.field("lang");
            RegistrationForm.Outcome outcome = form.submit(token, submitted(upload), upload.letter());
            if (outcome instanceof RegistrationForm.Accepted || outcome instanceof RegistrationForm.Ignored) {
                response.setHeader("Cache-Control", "no-store");
                response.setStatus(303);
                response.setHeader("Location", "/register/" + token + RECEIVED + "?lang=" + RegistrationForm.language(language, null));
            } else if (outcome instanceof RegistrationForm.Invalid invalid) {
                RegistrationForm.Form again = form.open(token, language);
                boolean notPdf = invalid.problems().stream().anyMatch(p -> "error.letterNotPdf".equals(p.key()));
                send(response, notPdf ? 415 : 400, again.language(), formPage(token, again, typed(upload), invalid.problems(), null));
            } else if (outcome instanceof RegistrationForm.Stale) {
                RegistrationForm.Form again = form.open(token, language);
                send(response, 400, again.language(), formPage(token, again, typed(upload), List.of(), "error.stale"));
            } else {
                message(response, 409, language(language), "already", Map.of(), token);
            }
        }
    }

    private static RegistrationForm.Submitted submitted(FormUpload upload) {
        List<RegistrationForm.Delegate> delegates = new ArrayList<>();
        for (int row = 1; row <= RegistrationForm.ROWS; row++) {
            String prefix = "d" + row + "-";
            delegates.add(new RegistrationForm.Delegate(upload.field(prefix + "given"), upload.field(prefix + "family"),
                    upload.field(prefix + "function"), upload.field(prefix + "email"), upload.field(prefix + "language"),
                    upload.field(prefix + "role"), upload.field(prefix + "needs")));
        }
        return new RegistrationForm.Submitted(upload.field("nonce"), upload.field("lang"), upload.field("focalName"), upload.field("focalEmail"),
                upload.field("website"), delegates);
    }

    /** What was typed, to fill the form shown again (never the nonce, the honeypot or the file). */
    private static Map<String, String> typed(FormUpload upload) {
        Map<String, String> values = new HashMap<>(upload.fields);
        values.remove("nonce");
        values.remove("website");
        values.remove("lang");
        return values;
    }

    private void tooLarge(HttpServletResponse response, String language, String token) throws IOException {
        message(response, 413, invitationLanguage(language, token), "tooLarge", Map.of("max", String.valueOf(RegistrationForm.MAX_LETTER_BYTES / (1024 * 1024))),
                token);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, String path, LinkRefusal refusal) throws IOException {
        String language = language(request.getParameter("lang"));
        Map<String, String> values = refusal.closedAt() == null ? Map.of() : Map.of("when", FormPages.when(refusal.closedAt(), language));
        String key = "refused." + refusal.reason().name();
        FormMessages m = FormPages.messages(language);
        send(response, refusal.reason().status(), language, FormPages.message(frame(language, "/register" + path), m.text(key + ".title"),
                m.text(key + ".text", values), null));
    }

    private void message(HttpServletResponse response, int status, String language, String key, Map<String, String> values, String token)
            throws IOException {
        FormMessages m = FormPages.messages(language);
        send(response, status, language, FormPages.message(frame(language, "/register/" + token), m.text(key + ".title"), m.text(key + ".text", values),
                "/register/" + token + "?lang=" + language));
    }

    /** The language asked for, else the invitation's when the link is one, else English: for a body that could not be read. */
    private String invitationLanguage(String asked, String token) {
        try {
            return RegistrationForm.language(asked, form.invitation(token).language());
        } catch (LinkRefusal refusal) {
            return language(asked);
        }
    }

    private static String language(String asked) {
        return RegistrationForm.language(asked, null);
    }

    private FormPages.Frame frame(String language, String path) {
        return new FormPages.Frame(language, path, profile.name());
    }

    private static void send(HttpServletResponse response, int status, String language, String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Content-Language", language);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void stylesheet(HttpServletResponse response, boolean head) throws IOException {
        byte[] css;
        try (InputStream in = RegistrationServlet.class.getClassLoader().getResourceAsStream("registration/form.css")) {
            css = in.readAllBytes();
        }
        response.setStatus(200);
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentType("text/css;charset=utf-8");
        response.setContentLength(css.length);
        if (!head) {
            response.getOutputStream().write(css);
        }
    }
}
