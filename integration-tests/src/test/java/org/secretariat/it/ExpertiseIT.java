package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.it.ApiAssertions.assertError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The expertise module as an administrator gets it: shipped in the distribution's {@code modules/},
 * installed at runtime beside contacts, on a platform that sends e-mail to a local SMTP server. An expert
 * is made from a contacts person, two more by name; a State's request (victim assistance, French, Africa)
 * ranks them as the example says; the request moves through its workflow (409 out of order); a
 * consultant's contract opens a CONSULTANT account whose one-time password arrives by e-mail only. The
 * account works on its end date (today) and not the day after: the test cannot wait a day, so the
 * contract's end is moved to yesterday, which makes today the day after, and the same session, a new
 * login and an API token are refused. Uninstalling and reinstalling the module keeps everything. The
 * module's {@code publicUrl} is set: the expert's e-mailed link starts with it.
 *
 * <p>With the finance module (expertise 1.1, finance 1.2): a contract's fee is a commitment on a line of the
 * year's approved budget, shown by finance against the line; a line finance does not know, or a fee the
 * line cannot cover, is refused naming {@code budgetLine} with nothing written; a cancellation releases it;
 * finance uninstalled, contracts still work with their line as text; finance back, its commitments are
 * intact and a contract made meanwhile is committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertiseIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String VA = "Victim assistance";
    private static final String PUBLIC_URL = "https://isu.example.org";

    private Distribution platform;
    private GreenMail smtp;
    private Http admin;
    private int port;

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("expertise-" + System.nanoTime()));
        int smtpPort = PlatformOptions.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // The module's publicUrl: the links it e-mails start with it, not with the address the staff request came to.
        Path home = Distribution.copy(folder.resolve("secretariat"), Map.of("org.secretariat.mail.config", String.join("\n",
                "host=\"127.0.0.1\"", "port=I\"" + smtpPort + "\"", "starttls=\"none\"", "fromAddress=\"isu@ccm.example.org\"",
                "pollSeconds=I\"1\"", ""), "org.secretariat.expertise.config", "publicUrl=\"" + PUBLIC_URL + "/\"\n"));
        port = PlatformOptions.freePort();
        platform = Distribution.start(home, Distribution.environment(folder.resolve("data"), port), folder.resolve("run.log"));
        admin = new Http(port);
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        for (String module : List.of("contacts", "expertise", "website")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.terminate();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private String output() {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String expert(String name, String language, String region) {
        return "{\"name\":\"" + name + "\",\"themes\":[\"" + VA + "\"],\"languages\":[\"" + language + "\"],\"regions\":[\"" + region
                + "\"],\"kinds\":[\"TRAINING\"],\"consentDate\":\"" + today() + "\"}";
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void expertsRequestsMatchesAConsultantWhoseAccessEndsAndAReinstallThatKeepsAll() throws Exception {
        Http specialist = admin.newUser("SPECIALIST");
        Http consultantOfOtherModule = admin.newUser("CONSULTANT");
        assertEquals(403, consultantOfOtherModule.get("/api/expertise/experts").status, "consultants see no expert by default");

        // An expert from a contacts person: name and address come from contacts.
        Http.Answer person = specialist.post("/api/contacts/people", "{\"givenName\":\"Zoé\",\"familyName\":\"Ndiaye\","
                + "\"email\":\"zoe.ndiaye@example.org\",\"consent\":true,\"consentDate\":\"" + today() + "\"}");
        assertEquals(201, person.status, person::toString);
        Http.Answer fromContacts = specialist.post("/api/expertise/experts", "{\"personId\":" + person.json.get("id").asLong() + ",\"themes\":[\"" + VA
                + "\"],\"languages\":[\"fr\"],\"regions\":[\"AFRICA\"],\"kinds\":[\"TRAINING\"],\"preferredLanguage\":\"fr\",\"consentDate\":\""
                + today() + "\"}");
        assertEquals(201, fromContacts.status, fromContacts::toString);
        assertEquals("Zoé Ndiaye", fromContacts.json.get("name").asText());
        assertEquals("zoe.ndiaye@example.org", fromContacts.json.get("email").asText());
        long allThree = fromContacts.json.get("id").asLong();
        long themeAndLanguage = created(specialist.post("/api/expertise/experts", expert("Bernard Leroy", "fr", "EUROPE")
                .replace("{", "{\"email\":\"bernard@example.org\",")));
        long themeOnly = created(specialist.post("/api/expertise/experts", expert("Aïcha Ba", "en", "ASIA")));
        assertError(specialist.post("/api/expertise/experts", expert("X", "french", "AFRICA")), 400, "languages");

        // A CV: a PDF by its first bytes.
        byte[] pdf = "%PDF-1.4\n% a CV\n".getBytes(StandardCharsets.US_ASCII);
        Http.Answer cv = specialist.put("/api/expertise/experts/" + themeOnly + "/cv?fileName=cv.pdf", "application/pdf", pdf);
        assertEquals(200, cv.status, cv::toString);
        assertError(specialist.put("/api/expertise/experts/" + themeOnly + "/cv", "application/pdf", "<html>".getBytes(StandardCharsets.US_ASCII)),
                415, "cv");
        assertEquals(new String(pdf, StandardCharsets.US_ASCII), new String(specialist.bytes("/api/expertise/experts/" + themeOnly + "/cv").body(),
                StandardCharsets.US_ASCII));

        // A request and its ranked candidates.
        Http.Answer request = specialist.post("/api/expertise/requests", "{\"stateIso2\":\"SN\",\"theme\":\"" + VA + "\",\"language\":\"fr\","
                + "\"region\":\"AFRICA\",\"kind\":\"TRAINING\",\"description\":\"Training of trainers\",\"deadline\":\"" + today().plusMonths(2) + "\"}");
        assertEquals(201, request.status, request::toString);
        long requestId = request.json.get("id").asLong();
        Http.Answer matches = specialist.get("/api/expertise/requests/" + requestId + "/matches");
        assertEquals(200, matches.status, matches::toString);
        List<Long> order = new ArrayList<>();
        matches.json.get("candidates").forEach(c -> order.add(c.get("expertId").asLong()));
        assertEquals(List.of(allThree, themeAndLanguage, themeOnly), order, matches.body);
        assertEquals("[\"THEME\",\"LANGUAGE\",\"REGION\",\"KIND\"]", matches.json.get("candidates").get(0).get("reasons").toString());
        System.out.println("ExpertiseIT: candidates " + matches.body);

        // The workflow.
        assertError(specialist.post("/api/expertise/requests/" + requestId + "/steps", "{\"status\":\"DELIVERED\",\"version\":"
                + request.json.get("version").asInt() + "}"), 409, null);
        Http.Answer matched = specialist.post("/api/expertise/requests/" + requestId + "/steps", "{\"status\":\"MATCHED\",\"expertId\":" + allThree
                + ",\"note\":\"All three\",\"version\":" + request.json.get("version").asInt() + "}");
        assertEquals(200, matched.status, matched::toString);
        assertEquals("MATCHED", matched.json.get("status").asText());

        // A contract ending today with a consultant's account; the password comes by e-mail only.
        Http.Answer contract = specialist.post("/api/expertise/contracts", "{\"expertId\":" + allThree + ",\"requestId\":" + requestId
                + ",\"termsOfReference\":\"Train the trainers\",\"startDate\":\"" + today().minusDays(5) + "\",\"endDate\":\"" + today()
                + "\",\"fee\":8000,\"currency\":\"EUR\",\"deliverables\":[{\"title\":\"Training report\",\"dueDate\":\"" + today() + "\"}],"
                + "\"account\":true,\"username\":\"zoe.consultant\"}");
        assertEquals(201, contract.status, contract::toString);
        assertTrue(contract.json.get("account").get("usableToday").asBoolean(), contract.body);
        String password = password("zoe.ndiaye@example.org");
        assertFalse(contract.body.contains(password), "the password is in no answer");
        assertFalse(output().contains(password), "nor in the log");

        Http consultant = new Http(port);
        assertEquals(200, consultant.login("zoe.consultant", password).status, "the account works on its end date");
        Http.Answer changed = consultant.post("/api/platform/session/password", "{\"currentPassword\":\"" + password
                + "\",\"newPassword\":\"consultant password 2\"}");
        assertEquals(204, changed.status, changed::toString);
        assertEquals(200, consultant.login("zoe.consultant", "consultant password 2").status);
        assertEquals(200, consultant.get("/api/platform/session").status);
        Http.Answer token = consultant.post("/api/platform/tokens", "{\"name\":\"script\",\"expiresAt\":\"" + today().plusDays(10) + "T00:00:00Z\"}");
        assertEquals(201, token.status, token::toString);
        Http script = new Http(port).withToken(token.json.get("token").asText());
        assertEquals(200, script.get("/api/platform/session").status);

        // The day after the end date: the contract now ended yesterday.
        Http.Answer ended = specialist.put("/api/expertise/contracts/" + contract.json.get("id").asLong(), "{\"expertId\":" + allThree
                + ",\"requestId\":" + requestId + ",\"termsOfReference\":\"Train the trainers\",\"startDate\":\"" + today().minusDays(5)
                + "\",\"endDate\":\"" + today().minusDays(1) + "\",\"fee\":8000,\"currency\":\"EUR\",\"deliverables\":[{\"title\":"
                + "\"Training report\",\"dueDate\":\"" + today().minusDays(1) + "\"}],\"version\":" + contract.json.get("version").asInt() + "}");
        assertEquals(200, ended.status, ended::toString);
        assertFalse(ended.json.get("account").get("usableToday").asBoolean(), ended.body);
        assertEquals(401, consultant.get("/api/platform/session").status, "the session stops working");
        assertEquals(401, script.get("/api/platform/session").status, "so does the API token");
        assertEquals(401, new Http(port).login("zoe.consultant", "consultant password 2").status, "and the login");

        // The expert's own link: e-mailed, it opens a form without an account that saves their changes.
        Http.Answer link = specialist.post("/api/expertise/experts/" + themeAndLanguage + "/link", "");
        assertEquals(200, link.status, link::toString);
        String address = mailText("bernard@example.org");
        Matcher linked = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/expertise-profile/\\S+)").matcher(address);
        assertTrue(linked.find(), address);
        String path = linked.group(1);
        Http anonymous = new Http(port);
        Http.Answer form = anonymous.get(path);
        assertEquals(200, form.status, form::toString);
        assertTrue(form.body.contains("<form method=\"post\"") && form.body.contains("Bernard Leroy") && !form.body.contains("<script"), form.body);
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(form.body);
        Matcher version = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(form.body);
        assertTrue(nonce.find() && version.find(), form.body);
        String fields = "nonce=" + nonce.group(1) + "&version=" + version.group(1) + "&organisation=Handicap+International"
                + "&themes=Victim+assistance&languages=fr%2C+es&regions=EUROPE&regions=AFRICA&kinds=TRAINING&from0=&to0=&renew=yes";
        Http.Answer bad = anonymous.post(path, "application/x-www-form-urlencoded", fields.replace("languages=fr%2C+es", "languages=french"));
        assertEquals(400, bad.status, bad::toString);
        assertTrue(bad.body.contains("role=\"alert\""), bad.body);
        Http.Answer saved = anonymous.post(path, "application/x-www-form-urlencoded", fields);
        assertEquals(303, saved.status, saved::toString);
        JsonNode bernard = specialist.get("/api/expertise/experts/" + themeAndLanguage).json;
        assertEquals("Handicap International", bernard.get("organisation").asText(), bernard.toString());
        assertEquals("[\"EUROPE\",\"AFRICA\"]", bernard.get("regions").toString());
        assertEquals(409, anonymous.post(path, "application/x-www-form-urlencoded", fields).status, "the same form twice");
        assertEquals(404, anonymous.get(path.replaceFirst("/expertise-profile/\\d+", "/expertise-profile/" + allThree)).status, "a forged link");

        // Offers: only the public ones reach the website.
        assertEquals(201, specialist.post("/api/expertise/offers", "{\"stateIso2\":\"FR\",\"theme\":\"" + VA + "\",\"kind\":\"TRAINING\","
                + "\"languages\":[\"fr\"],\"regions\":[\"AFRICA\"],\"description\":\"Training of trainers\",\"isPublic\":true}").status);
        assertEquals(201, specialist.post("/api/expertise/offers", "{\"organisation\":\"Private Centre\",\"theme\":\"" + VA + "\",\"kind\":"
                + "\"ADVICE\",\"languages\":[\"en\"],\"regions\":[\"ASIA\"],\"description\":\"Not for the public\",\"isPublic\":false}").status);
        Http.Answer site = new Http(port).await("/fr/experts", 200, Duration.ofSeconds(10));
        assertEquals(200, site.status, site::toString);
        assertTrue(site.body.contains("Training of trainers") && site.body.contains("Formation") && !site.body.contains("Private Centre"), site.body);

        // Statistics of the year.
        Http.Answer statistics = specialist.get("/api/expertise/statistics?year=" + today().getYear());
        assertEquals(200, statistics.status, statistics::toString);
        assertEquals(1, statistics.json.get("byTheme").get(VA).asInt(), statistics.body);

        // Uninstall and reinstall: everything is kept.
        String before = specialist.get("/api/expertise/requests/" + requestId).body;
        Http.Answer uninstalled = admin.delete("/api/platform/modules/expertise");
        assertEquals(200, uninstalled.status, uninstalled::toString);
        assertEquals(404, specialist.get("/api/expertise/experts").status);
        assertEquals(404, new Http(port).await("/fr/experts", 404, Duration.ofSeconds(10)).status, "the website's offers go with the module");
        assertEquals(200, new Http(port).get("/fr/").status, "the rest of the site stays");
        Http.Answer reinstalled = admin.post("/api/platform/modules/expertise/install", "");
        assertEquals(200, reinstalled.status, reinstalled::toString);
        assertEquals(before, specialist.get("/api/expertise/requests/" + requestId).body);
        assertEquals(3, specialist.get("/api/expertise/experts").json.get("total").asInt());
        assertTrue(new Http(port).await("/fr/experts", 200, Duration.ofSeconds(10)).body.contains("Training of trainers"), "and come back with it");
        assertEquals("cv.pdf", specialist.get("/api/expertise/experts/" + themeOnly).json.get("cv").get("fileName").asText());
        Http.Answer kept = specialist.get("/api/expertise/contracts/" + contract.json.get("id").asLong());
        assertEquals(today().minusDays(1).toString(), kept.json.get("endDate").asText(), kept.body);
        assertEquals(401, new Http(port).login("zoe.consultant", "consultant password 2").status, "the ended account stays ended");
        System.out.println("ExpertiseIT: 3 experts (one from contacts), an expert's own link and form (400, 303, 409 twice, 404 forged), public offers on the website, a request ranked and matched, a consultant's account refused the day after "
                + "its end (session, token, login), kept across uninstall and reinstall");
    }

    @Test
    void aContractsFeeIsACommitmentOnTheFinanceBudgetLine() throws Exception {
        Http.Answer finance = admin.post("/api/platform/modules/finance/install", "");
        assertEquals(200, finance.status, () -> finance + "\n" + output());
        Http specialist = admin.newUser("SPECIALIST");
        Http director = admin.newUser("DIRECTOR");
        int year = today().getYear() + 3;
        long budget = created(specialist.post("/api/finance/budgets", "{\"year\":" + year + ",\"title\":\"Budget " + year + "\",\"lines\":["
                + "{\"code\":\"CONSULT\",\"title\":\"Consultants\",\"amount\":20000},{\"code\":\"TRAVEL\",\"title\":\"Travel\",\"amount\":5000}]}"));
        assertEquals(200, specialist.post("/api/finance/budgets/" + budget + "/propose", "").status);
        assertEquals(200, director.post("/api/finance/budgets/" + budget + "/approve", "").status);
        long expert = created(specialist.post("/api/expertise/experts", expert("Fatou Sow", "fr", "AFRICA")));
        String start = year + "-03-01";
        java.util.function.BiFunction<String, String, String> contract = (fee, line) -> "{\"expertId\":" + expert
                + ",\"termsOfReference\":\"Survey of victims' needs\",\"startDate\":\"" + start + "\",\"endDate\":\"" + year + "-06-30\",\"fee\":"
                + fee + ",\"budgetLine\":\"" + line + "\",\"budgetYear\":" + year + "}";
        int contracts = specialist.get("/api/expertise/contracts").json.size();

        Http.Answer made = specialist.post("/api/expertise/contracts", contract.apply("8000", "CONSULT"));
        assertEquals(201, made.status, made::toString);
        long first = made.json.get("id").asLong();
        assertEquals("OPEN", made.json.get("commitment").get("status").asText(), made.body);
        assertEquals(8000.00, line(specialist, budget, "CONSULT").get("committed").asDouble());
        assertEquals(12000.00, line(specialist, budget, "CONSULT").get("available").asDouble());
        JsonNode commitments = specialist.get("/api/finance/commitments?year=" + year + "&line=CONSULT").json;
        assertEquals(1, commitments.size(), commitments.toString());
        assertEquals("expertise-contract-" + first, commitments.get(0).get("reference").asText());

        assertError(specialist.post("/api/expertise/contracts", contract.apply("1000", "NOPE")), 400, "budgetLine");
        assertError(specialist.post("/api/expertise/contracts", contract.apply("12000.01", "CONSULT")), 409, "budgetLine");
        assertEquals(contracts + 1, specialist.get("/api/expertise/contracts").json.size(), "a refused contract is not written");
        assertEquals(1, specialist.get("/api/finance/commitments?year=" + year).json.size(), "nor committed");

        Http.Answer cancelled = specialist.post("/api/expertise/contracts/" + first + "/cancellation", "{\"reason\":\"The State withdrew\"}");
        assertEquals(200, cancelled.status, cancelled::toString);
        assertEquals("RELEASED", cancelled.json.get("commitment").get("status").asText(), cancelled.body);
        assertEquals(0.00, line(specialist, budget, "CONSULT").get("committed").asDouble());
        long second = created(specialist.post("/api/expertise/contracts", contract.apply("5000", "CONSULT")));

        // Finance uninstalled: contracts still work, their line as text.
        Http.Answer uninstalled = admin.delete("/api/platform/modules/finance");
        assertEquals(200, uninstalled.status, uninstalled::toString);
        assertEquals("FINANCE_ABSENT", specialist.get("/api/expertise/contracts/" + second).json.get("commitment").get("status").asText());
        Http.Answer meanwhile = specialist.post("/api/expertise/contracts", contract.apply("4000", "CONSULT"));
        assertEquals(201, meanwhile.status, meanwhile::toString);
        assertTrue(meanwhile.json.path("commitment").isMissingNode() || meanwhile.json.get("commitment").isNull(), meanwhile.body);
        assertEquals("CONSULT", meanwhile.json.get("budgetLine").asText());

        // Finance back: its commitments are intact, and the contract made meanwhile is committed on request.
        Http.Answer reinstalled = admin.post("/api/platform/modules/finance/install", "");
        assertEquals(200, reinstalled.status, reinstalled::toString);
        assertEquals(5000.00, line(specialist, budget, "CONSULT").get("committed").asDouble());
        Http.Answer committed = specialist.post("/api/expertise/contracts/" + meanwhile.json.get("id").asLong() + "/commitment", "");
        assertEquals(200, committed.status, committed::toString);
        assertEquals("OPEN", committed.json.get("commitment").get("status").asText());
        assertEquals(9000.00, line(specialist, budget, "CONSULT").get("committed").asDouble());
        assertEquals(11000.00, line(specialist, budget, "CONSULT").get("available").asDouble());
        System.out.println("ExpertiseIT: contract fees committed on finance's budget line " + year + "/CONSULT (8000 committed, unknown line 400,"
                + " beyond the line 409, cancelled and released), finance uninstalled and reinstalled with its commitments intact, a contract made"
                + " meanwhile committed afterwards: committed 9000.00, available 11000.00");
    }

    /** A budget line's figures as finance shows them. */
    private static JsonNode line(Http reader, long budget, String code) throws Exception {
        Http.Answer lines = reader.get("/api/finance/budgets/" + budget + "/lines");
        assertEquals(200, lines.status, lines::toString);
        for (JsonNode line : lines.json) {
            if (code.equals(line.get("code").asText())) {
                return line;
            }
        }
        throw new AssertionError("no line " + code + " in " + lines.body);
    }

    private static long created(Http.Answer answer) {
        assertEquals(201, answer.status, answer::toString);
        return answer.json.get("id").asLong();
    }

    /** The one-time password of the account e-mail sent to {@code to}, once it arrives. */
    private String password(String to) throws Exception {
        String text = mailText(to);
        Matcher matcher = Pattern.compile("(?:One-time password|Mot de passe à usage unique|Contraseña de un solo uso) ?: (\\S+)").matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    /** The text of the first e-mail sent to {@code to}, once it arrives. */
    private String mailText(String to) throws Exception {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(to)) {
                    return message.getContent().toString();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + to + " within " + DELIVERY.toSeconds() + " s");
    }
}
