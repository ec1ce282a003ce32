package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.it.PublicRegistration.LETTER;
import static org.secretariat.it.PublicRegistration.fields;
import static org.secretariat.it.PublicRegistration.nonce;
import static org.secretariat.it.PublicRegistration.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Meetings 1.2's invitations and public registration form over the distribution (meetings installed,
 * no contacts): an invitation's link opens the form for anyone, as plain HTTP as a browser without
 * JavaScript sends it; a submission makes pending participants with the credentials letter, which
 * staff approve; forged, tampered, other meeting's, expired and revoked links are refused (404, 410)
 * and after the deadline so is everything (409); the honeypot, the letter's content, the size limit,
 * a form sent twice and the rate limit per address (429); and the form in Chromium with JavaScript
 * switched off, then checked by axe-core (WCAG 2.1 A/AA) with none on the form, its errors, the
 * confirmation and a refusal. The rate limit is raised to 40 here (registrationSubmissions), so that the
 * tests' own submissions fit in it before the last test reaches it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetingsRegistrationIT {

    private static final java.time.Duration STARTUP = java.time.Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path folder;
    private Distribution platform;
    private int port;
    private Http admin;

    @BeforeAll
    void start() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("meetings-registration-" + System.nanoTime()));
        port = PlatformOptions.freePort();
        // Forty submissions per address and ten minutes (the default is ten): every test here posts from 127.0.0.1.
        Path home = Distribution.copy(folder.resolve("secretariat"), Map.of("org.secretariat.meetings.config", "registrationSubmissions=\"40\"\n"));
        platform = Distribution.start(home, Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        Http.Answer installed = admin.post("/api/platform/modules/meetings/install", "");
        assertEquals(200, installed.status, () -> installed + "\n" + output());
        assertEquals("1.2.1", installed.json.get("to").asText());
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.terminate();
        }
    }

    private String output() {
        try {
            return platform.output();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** An anonymous visitor from one loopback address. */
    private Http visitor(String address) {
        return new Http("http://" + address + ":" + port, null);
    }

    private long meeting(String title, Instant deadline) throws Exception {
        return PublicRegistration.meeting(admin, title, deadline);
    }

    /** One invitation for Norway's delegation (named by the JDK without the contacts module); its link's token. */
    private String invite(long meetingId, String language, Instant expiresAt) throws Exception {
        Http.Answer sent = admin.post("/api/meetings/" + meetingId + "/invitations", "{\"recipients\":[{\"email\":\"mission@mfa.no\",\"name\":\"Kari Berg\","
                + "\"delegationKind\":\"STATE\",\"stateIso2\":\"NO\",\"protocolGroup\":\"STATE_PARTY\",\"language\":\"" + language + "\"}],\"expiresAt\":"
                + (expiresAt == null ? "null" : "\"" + expiresAt + "\"") + "}");
        assertEquals(201, sent.status, sent::toString);
        JsonNode invitation = sent.json.get("invitations").get(0);
        assertEquals("Norway", invitation.get("delegation").asText());
        return invitation.get("linkToken").asText();
    }

    /** A field of the meeting's first participant as the API answers it now (for a browser's wait). */
    private String firstParticipant(long meetingId, String field) {
        try {
            return admin.get("/api/meetings/" + meetingId + "/participants").json.get("items").get(0).path(field).asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode participants(long meetingId, String status) throws Exception {
        return admin.get("/api/meetings/" + meetingId + "/participants?size=100&status=" + status).json.get("items");
    }

    @Test
    @Order(1)
    void anInvitationsLinkOpensTheFormWhoseRegistrationIsPendingUntilApproved() throws Exception {
        long meetingId = meeting("Fourteenth Meeting of States Parties", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String token = invite(meetingId, "fr", null);
        Http visitor = visitor("127.0.0.1");

        Http.Answer form = visitor.get("/register/" + token);
        assertEquals(200, form.status, form::toString);
        assertEquals("fr", form.headers.firstValue("Content-Language").orElse(""));
        assertEquals("no-store", form.headers.firstValue("Cache-Control").orElse(""));
        assertTrue(form.headers.firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(form.body.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"), form.body);
        assertTrue(form.body.contains("<h1>Inscription de la délégation de Norway</h1>"), form.body);
        assertTrue(form.body.contains("name=\"focalEmail\" maxlength=\"200\" autocomplete=\"email\" required aria-describedby=\"focalEmail-hint\" value=\"mission@mfa.no\""),
                "the focal point is whom the invitation went to, to begin with");
        assertFalse(form.body.contains("<script"), "no script at all");
        assertEquals("es", visitor.get("/register/" + token + "?lang=es").headers.firstValue("Content-Language").orElse(""));
        Http.Answer css = visitor.get("/register/form.css");
        assertEquals(200, css.status);
        assertTrue(css.headers.firstValue("Content-Type").orElse("").startsWith("text/css"));

        // A row with an address but no name: the form again, saying so beside the field and in the summary, what was typed kept.
        String nonce = nonce(form.body);
        Http.Answer invalid = send(visitor, token, fields(nonce, "fr", "Claire||Conseillère|claire.martin@mfa.no|fr|DELEGATE|"), LETTER);
        assertEquals(400, invalid.status, invalid::toString);
        assertTrue(invalid.body.contains("<div class=\"error-summary\" role=\"alert\""), invalid.body);
        assertTrue(invalid.body.contains("<a href=\"#d1-family\">Délégué 1, Nom de famille: Ce champ est obligatoire.</a>"), invalid.body);
        assertTrue(invalid.body.contains("id=\"d1-family\" name=\"d1-family\" maxlength=\"100\" autocomplete=\"off\" aria-describedby=\"d1-family-error\" aria-invalid=\"true\""),
                invalid.body);
        assertTrue(invalid.body.contains("value=\"claire.martin@mfa.no\""), "what was typed is kept");

        Http.Answer sent = send(visitor, token, fields(nonce(invalid.body), "fr", "Claire|Martin|Conseillère|claire.martin@mfa.no|fr|HEAD_OF_DELEGATION|fauteuil roulant",
                "||||en|DELEGATE|", "Ola|Dahl||ola.dahl@mfa.no|en|ADVISER|"), LETTER);
        assertEquals(303, sent.status, sent::toString);
        String received = sent.headers.firstValue("Location").orElse("");
        assertTrue(received.endsWith("/register/" + token + "/received?lang=fr"), received);
        Http.Answer confirmation = visitor.get(received.replaceFirst("^https?://[^/]+", ""));
        assertEquals(200, confirmation.status);
        assertTrue(confirmation.body.contains("<h1>Inscription reçue</h1>"), confirmation.body);

        JsonNode pending = participants(meetingId, "PENDING");
        assertEquals(2, pending.size(), pending::toString);
        JsonNode claire = pending.get(0);
        assertEquals("Martin", claire.get("familyName").asText());
        assertEquals("Norway", claire.get("delegation").asText());
        assertEquals("STATE_PARTY", claire.get("protocolGroup").asText());
        assertEquals("HEAD_OF_DELEGATION", claire.get("role").asText());
        assertEquals("COPY", claire.get("credentialsKind").asText());
        assertEquals("fr", claire.get("language").asText());
        assertEquals("fauteuil roulant", claire.get("accessibilityNeeds").asText());
        assertTrue(claire.get("selfRegistered").asBoolean());
        assertArrayEquals(LETTER, admin.bytes("/api/meetings/" + meetingId + "/participants/" + claire.get("id").asLong() + "/credentials-letter").body());
        assertEquals(2, admin.get("/api/meetings/" + meetingId + "/invitations").json.get(0).get("registered").asInt());
        assertTrue(admin.get("/api/platform/audit?action=meetings.registration.submit").json.get("total").asInt() >= 1, "the submission is audited");

        // Staff approve: the registration leaves the pending list; the decision's e-mail is queued (or staff are told it could not be).
        ObjectNode approve = (ObjectNode) claire.deepCopy();
        approve.put("status", "APPROVED");
        Http.Answer approved = admin.put("/api/meetings/" + meetingId + "/participants/" + claire.get("id").asLong(), JSON.writeValueAsString(approve));
        assertEquals(200, approved.status, approved::toString);
        assertTrue(approved.json.get("notice").asText().startsWith("approval e-mail "), approved.body);
        assertEquals(1, participants(meetingId, "PENDING").size());
        JsonNode report = admin.get("/api/meetings/" + meetingId + "/participants/credentials").json;
        assertEquals("Norway", report.get("delegations").get(0).get("delegation").asText());
        assertEquals("COPY", report.get("delegations").get(0).get("credentials").asText());
        String csv = admin.get("/api/meetings/" + meetingId + "/participants/list.csv").body;
        assertTrue(csv.contains(",Claire,Martin,Conseillère,HEAD_OF_DELEGATION,APPROVED,COPY," + LocalDate.now(java.time.ZoneOffset.UTC)), csv);
    }

    @Test
    @Order(2)
    void forgedTamperedOtherMeetingsExpiredRevokedAndClosedLinksAreRefused() throws Exception {
        Instant deadline = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long meetingId = meeting("Intersessional meeting", deadline);
        long otherMeeting = meeting("Another meeting", deadline);
        String token = invite(meetingId, "en", null);
        Http visitor = visitor("127.0.0.1");
        String[] parts = token.split("\\.");
        String mac = parts[4];
        List<String> forged = List.of("no-such-link", token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"),
                String.join(".", String.valueOf(otherMeeting), parts[1], parts[2], parts[3], mac),
                String.join(".", parts[0], parts[1], String.valueOf(Long.parseLong(parts[2]) + 86400), parts[3], mac),
                String.join(".", parts[0], parts[1], parts[2], "2", mac));
        for (String link : forged) {
            Http.Answer refused = visitor.get("/register/" + link);
            assertEquals(404, refused.status, link);
            assertTrue(refused.body.contains("<h1>This registration link is not valid</h1>"), refused.body);
        }
        assertEquals(404, visitor.get("/register/").status);
        assertEquals(404, visitor.get("/register/" + token + "/other").status);

        String expiring = invite(meetingId, "en", Instant.now().plusSeconds(2));
        assertEquals(200, visitor.get("/register/" + expiring).status);
        Thread.sleep(3000);
        Http.Answer expired = visitor.get("/register/" + expiring);
        assertEquals(410, expired.status, expired::toString);
        assertTrue(expired.body.contains("<h1>This registration link has expired</h1>"), expired.body);

        String revoked = invite(meetingId, "en", null);
        assertEquals(200, visitor.get("/register/" + revoked).status);
        long revokedId = 0;
        for (JsonNode invitation : admin.get("/api/meetings/" + meetingId + "/invitations").json) {
            revokedId = invitation.get("linkToken").asText().equals(revoked) ? invitation.get("id").asLong() : revokedId;
        }
        Http.Answer revoking = admin.delete("/api/meetings/" + meetingId + "/invitations/" + revokedId);
        assertEquals(200, revoking.status, revoking::toString);
        assertTrue(revoking.json.has("revokedAt"));
        Http.Answer withdrawn = visitor.get("/register/" + revoked);
        assertEquals(410, withdrawn.status, withdrawn::toString);
        assertTrue(withdrawn.body.contains("<h1>This registration link has been withdrawn</h1>"), withdrawn.body);

        // A form opened before the deadline and sent after it: refused, and the link with it; no invitation is sent any more.
        Http.Answer form = visitor.get("/register/" + token);
        assertEquals(200, form.status);
        JsonNode read = admin.get("/api/meetings/" + meetingId).json;
        ObjectNode closing = (ObjectNode) read.deepCopy();
        closing.put("registrationDeadline", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString());
        closing.remove("registrationClosesAt");
        closing.remove("typeName");
        closing.remove("id");
        assertEquals(200, admin.put("/api/meetings/" + meetingId, JSON.writeValueAsString(closing)).status);
        Http.Answer late = send(visitor, token, fields(nonce(form.body), "en", "Ola|Dahl||ola.dahl@mfa.no|en|DELEGATE|"), LETTER);
        assertEquals(409, late.status, late::toString);
        assertTrue(late.body.contains("<h1>Registration is closed</h1>"), late.body);
        assertEquals(409, visitor.get("/register/" + token).status);
        assertEquals(0, participants(meetingId, "PENDING").size());
        Http.Answer invitation = admin.post("/api/meetings/" + meetingId + "/invitations", "{\"recipients\":[{\"email\":\"a@b.org\","
                + "\"delegationKind\":\"ORGANISATION\",\"delegation\":\"ICRC\"}]}");
        assertEquals(409, invitation.status, invitation::toString);
    }

    @Test
    @Order(3)
    void theHoneypotTheLettersContentTheSizeLimitAndAFormSentTwice() throws Exception {
        long meetingId = meeting("Review Conference", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String token = invite(meetingId, "es", null);
        Http visitor = visitor("127.0.0.1");

        Map<String, String> trap = fields(nonce(visitor.get("/register/" + token).body), "es", "Bot|Bot||bot@spam.example|en|DELEGATE|");
        trap.put("website", "http://spam.example");
        assertEquals(303, send(visitor, token, trap, LETTER).status, "a robot is answered as a person would be");
        assertEquals(0, participants(meetingId, "PENDING").size(), "and nothing is kept");

        Http.Answer notPdf = send(visitor, token, fields(nonce(visitor.get("/register/" + token).body), "es",
                "Lucía|García||lucia.garcia@exteriores.es|es|DELEGATE|"), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, notPdf.status, notPdf::toString);
        assertTrue(notPdf.body.contains("El archivo no es un documento PDF."), notPdf.body);

        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(LETTER, 0, large, 0, LETTER.length);
        Http.Answer tooLarge = send(visitor, token, fields(nonce(visitor.get("/register/" + token).body), "es",
                "Lucía|García||lucia.garcia@exteriores.es|es|DELEGATE|"), large);
        assertEquals(413, tooLarge.status, tooLarge::toString);
        assertTrue(tooLarge.body.contains("<h1>La inscripción es demasiado grande</h1>"), tooLarge.body);

        Map<String, String> once = fields(nonce(visitor.get("/register/" + token).body), "es", "Lucía|García||lucia.garcia@exteriores.es|es|DELEGATE|");
        assertEquals(303, send(visitor, token, once, LETTER).status);
        Http.Answer twice = send(visitor, token, once, LETTER);
        assertEquals(409, twice.status, twice::toString);
        assertTrue(twice.body.contains("<h1>Este formulario ya se ha recibido</h1>"), twice.body);
        assertEquals(1, participants(meetingId, "PENDING").size());
        try (var left = Files.list(folder.resolve("data/files/meetings/incoming"))) {
            assertEquals(0, left.count(), "no upload is left behind");
        }
    }

    @Test
    @Order(4)
    void inChromiumWithoutJavaScriptAndWithoutAccessibilityViolations() throws Exception {
        long meetingId = meeting("Fifteenth Meeting of States Parties", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String token = invite(meetingId, "en", null);
        String base = "http://127.0.0.1:" + port;
        Path letter = Files.write(folder.resolve("credentials-letter.pdf"), LETTER);
        try (StaffBrowser scriptless = StaffBrowser.start(folder.resolve("browser-no-script"), false)) {
            scriptless.driver.get(base + "/register/" + token);
            scriptless.wait.until(driver -> driver.findElement(By.tagName("h1")));
            assertEquals("Registration of the delegation of Norway", scriptless.driver.findElement(By.tagName("h1")).getText());
            scriptless.driver.findElement(By.cssSelector("a[hreflang=fr]")).click();
            scriptless.wait.until(driver -> driver.getCurrentUrl().endsWith("?lang=fr"));
            scriptless.driver.findElement(By.cssSelector("a[hreflang=en]")).click();
            scriptless.wait.until(driver -> driver.getCurrentUrl().endsWith("?lang=en"));
            assertFalse(scriptless.driver.findElement(By.id("website")).isDisplayed(), "the honeypot is not shown");

            // First without a family name: the server answers the form again with its error.
            scriptless.driver.findElement(By.id("d1-given")).sendKeys("Kari");
            scriptless.driver.findElement(By.id("d1-email")).sendKeys("kari.berg@mfa.no");
            scriptless.driver.findElement(By.id("letter")).sendKeys(letter.toString());
            scriptless.driver.findElement(By.cssSelector("button[type=submit]")).click();
            scriptless.wait.until(driver -> !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
            assertEquals("true", scriptless.driver.findElement(By.id("d1-family")).getAttribute("aria-invalid"));
            scriptless.screenshot("registration-form-errors");

            scriptless.driver.findElement(By.id("d1-family")).sendKeys("Berg");
            scriptless.driver.findElement(By.id("d1-function")).sendKeys("Ambassador");
            new Select(scriptless.driver.findElement(By.id("d1-role"))).selectByValue("HEAD_OF_DELEGATION");
            scriptless.driver.findElement(By.id("d2-given")).sendKeys("Ola");
            scriptless.driver.findElement(By.id("d2-family")).sendKeys("Dahl");
            scriptless.driver.findElement(By.id("d2-email")).sendKeys("ola.dahl@mfa.no");
            new Select(scriptless.driver.findElement(By.id("d2-language"))).selectByValue("fr");
            scriptless.driver.findElement(By.id("d2-needs")).sendKeys("Sign language interpretation");
            scriptless.driver.findElement(By.id("letter")).sendKeys(letter.toString());
            scriptless.driver.findElement(By.cssSelector("button[type=submit]")).click();
            scriptless.wait.until(driver -> driver.getCurrentUrl().contains("/received"));
            assertEquals("Registration received", scriptless.driver.findElement(By.tagName("h1")).getText());
            scriptless.screenshot("registration-received");
        }
        JsonNode pending = participants(meetingId, "PENDING");
        assertEquals(2, pending.size(), pending::toString);
        assertEquals("Sign language interpretation", pending.get(1).get("accessibilityNeeds").asText());
        assertEquals("fr", pending.get(1).get("language").asText());

        try (StaffBrowser visitor = StaffBrowser.start(folder.resolve("browser"), true)) {
            for (String language : List.of("en", "fr", "es")) {
                visitor.driver.get(base + "/register/" + token + "?lang=" + language);
                visitor.wait.until(driver -> driver.findElement(By.tagName("h1")));
                visitor.assertAccessible("the registration form (" + language + ")");
            }
            // A row with a given name only: the browser's own checks pass it, the server's do not.
            visitor.driver.findElement(By.id("d1-given")).sendKeys("Kari");
            visitor.driver.findElement(By.id("letter")).sendKeys(letter.toString());
            visitor.driver.findElement(By.cssSelector("button[type=submit]")).click();
            visitor.wait.until(driver -> !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
            visitor.assertAccessible("the registration form with errors");
            visitor.screenshot("registration-form");
            visitor.driver.get(base + "/register/" + token + "/received?lang=es");
            visitor.wait.until(driver -> driver.findElement(By.tagName("h1")));
            visitor.assertAccessible("the confirmation");
            visitor.driver.get(base + "/register/not-a-link");
            visitor.wait.until(driver -> driver.findElement(By.tagName("h1")));
            visitor.assertAccessible("a refused link");
            visitor.assertNoConsoleErrors();
        }
    }

    @Test
    @Order(5)
    void staffSendInvitationsSetCredentialsAndApproveInTheStaffApp() throws Exception {
        long meetingId = meeting("Sixteenth Meeting of States Parties", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String password = "specialist password 2";
        String username = "specialist-" + System.nanoTime();
        assertEquals(201, admin.post("/api/platform/users", "{\"username\":\"" + username + "\",\"displayName\":\"Meetings Specialist\","
                + "\"roles\":[\"SPECIALIST\"],\"password\":\"first password 1\"}").status);
        Http specialist = new Http(port);
        assertEquals(200, specialist.login(username, "first password 1").status);
        assertEquals(204, specialist.post("/api/platform/session/password", "{\"currentPassword\":\"first password 1\",\"newPassword\":\"" + password
                + "\"}").status);
        String base = "http://127.0.0.1:" + port;
        try (StaffBrowser staff = StaffBrowser.start(folder.resolve("browser-staff"), true)) {
            staff.driver.get(base + "/app/");
            staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(username);
            staff.driver.findElement(By.name("password")).sendKeys(password);
            staff.driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
            staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar")));

            staff.driver.get(base + "/app/#/meetings/" + meetingId + "/invitations");
            WebElement recipients = staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("recipients")));
            recipients.sendKeys("mission@mfa.no; Kari Berg; NO; fr\nfocal@icrc.org; ; ICRC; en");
            recipients.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
            staff.wait.until(driver -> driver.findElements(By.xpath("//td[text()='focal@icrc.org']")).size() == 1);
            staff.assertAccessible("the invitations tab");
            staff.screenshot("meeting-invitations");
            JsonNode invitations = admin.get("/api/meetings/" + meetingId + "/invitations").json;
            assertEquals(2, invitations.size(), invitations::toString);
            assertEquals("Kari Berg", invitations.get(1).get("name").asText());

            // Through a link the staff page shows, a delegate registers; staff set the credentials' kind and approve.
            String token = invitations.get(1).get("linkToken").asText();
            Http visitor = visitor("127.0.0.1");
            assertEquals(303, send(visitor, token, fields(nonce(visitor.get("/register/" + token).body), "fr",
                    "Claire|Martin||claire.martin@mfa.no|fr|DELEGATE|"), LETTER).status);
            staff.driver.get(base + "/app/#/meetings/" + meetingId + "/participants");
            WebElement credentials = staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("select[aria-label*='Martin']")));
            assertEquals("COPY", new Select(credentials).getFirstSelectedOption().getAttribute("value"));
            staff.assertAccessible("the participants tab");
            new Select(credentials).selectByValue("ORIGINAL");
            staff.wait.until(driver -> "ORIGINAL".equals(firstParticipant(meetingId, "credentialsKind")));
            // The row is drawn again once the credentials are saved: find the button afresh until a click lands (CI saw a stale one).
            new org.openqa.selenium.support.ui.WebDriverWait(staff.driver, java.time.Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                    .until(driver -> {
                        driver.findElement(By.xpath("//button[text()='Approve']")).click();
                        return true;
                    });
            staff.wait.until(driver -> "APPROVED".equals(firstParticipant(meetingId, "status")));
            staff.wait.until(driver -> driver.findElements(By.cssSelector(".notification")).stream()
                    .anyMatch(note -> note.getText().startsWith("approval e-mail")));
            staff.assertNoConsoleErrors();
        }
    }

    @Test
    @Order(6)
    void submissionsPerAddressAreLimitedThenTooManyRequests() throws Exception {
        Http visitor = visitor("127.0.0.1");
        int taken = 0;
        Http.Answer answer = null;
        for (int i = 0; i < 41; i++) {
            answer = send(visitor, "not-a-link", fields("x", "en"), LETTER);
            if (answer.status == 429) {
                break;
            }
            assertEquals(404, answer.status, answer::toString);
            taken++;
        }
        assertEquals(429, answer.status, answer.toString());
        assertTrue(taken > 20 && taken < 40, "the earlier tests' submissions counted too: " + taken);
        long retryAfter = Long.parseLong(answer.headers.firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 600, "Retry-After " + retryAfter);
        assertTrue(answer.body.contains("<h1>Too many registrations from your address</h1>"), answer.body);
        assertEquals(200, visitor.get("/register/form.css").status, "reading is not limited");
    }
}
