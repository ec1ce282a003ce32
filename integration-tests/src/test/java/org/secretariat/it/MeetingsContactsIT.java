package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * Meetings 1.2 beside contacts 1.1 over the distribution: invitations to a contacts group (a member
 * without consent left out and named), a delegate registered through the public form linked to the
 * person with the same address, whose participation history contacts then shows; a proposal (the same
 * name and State) accepted; a merge in contacts relinking a participant (the MERGED event); and the
 * reminders of follow-up actions run by the administrator's trigger, queued once in the platform's outbox
 * in the owner's language (read through /api/platform/mail/outbox). The daily job is switched off here
 * (etc/org.secretariat.meetings.reminders.config), so only the trigger runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetingsContactsIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final byte[] LETTER = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final List<String> covered = new ArrayList<>();
    private Path folder;
    private Distribution platform;
    private int port;
    private Http admin;
    private long meetingId;
    private long kari;

    @BeforeAll
    void start() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("meetings-contacts-" + System.nanoTime()));
        port = PlatformOptions.freePort();
        Path home = Distribution.copy(folder.resolve("secretariat"), Map.of("org.secretariat.meetings.reminders.config",
                "enabled=B\"false\"\ndueSoonDays=I\"7\"\n"));
        platform = Distribution.start(home, Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        for (String module : List.of("contacts", "meetings")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
        }
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
        LocalDate start = LocalDate.now().plusMonths(2);
        Http.Answer created = admin.post("/api/meetings", "{\"type\":\"" + ServedProfile.of(admin).mainMeetingType() + "\",\"title\":\"Fifteenth"
                + " Meeting of States Parties\",\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(3) + "\",\"city\":\"Geneva\","
                + "\"registrationDeadline\":\"" + Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}");
        assertEquals(201, created.status, created::toString);
        meetingId = created.json.get("id").asLong();
    }

    @AfterAll
    void stop() throws Exception {
        covered.forEach(line -> System.out.println("MeetingsContactsIT covered: " + line));
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

    private long person(String givenName, String familyName, String iso2, String email, String language) throws Exception {
        Http.Answer created = admin.post("/api/contacts/people", "{\"givenName\":\"" + givenName + "\",\"familyName\":\"" + familyName
                + "\",\"stateIso2\":\"" + iso2 + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\",\"consent\":true")
                + (language == null ? "" : ",\"language\":\"" + language + "\"") + "}");
        assertEquals(201, created.status, created::toString);
        return created.json.get("id").asLong();
    }

    private JsonNode participant(long participantId) throws Exception {
        for (JsonNode p : admin.get("/api/meetings/" + meetingId + "/participants?size=100").json.get("items")) {
            if (p.get("id").asLong() == participantId) {
                return p;
            }
        }
        throw new AssertionError("no participant " + participantId);
    }

    private long register(String givenName, String familyName, String iso2) throws Exception {
        Http.Answer registered = admin.post("/api/meetings/" + meetingId + "/participants", "{\"delegationKind\":\"STATE\",\"stateIso2\":\"" + iso2
                + "\",\"givenName\":\"" + givenName + "\",\"familyName\":\"" + familyName + "\",\"role\":\"DELEGATE\"}");
        assertEquals(201, registered.status, registered::toString);
        assertTrue(registered.json.path("personId").isMissingNode() || registered.json.get("personId").isNull(), "no address: not linked");
        return registered.json.get("id").asLong();
    }

    @Test
    @Order(1)
    void invitationsToAGroupLeaveOutTheMemberWithoutConsent() throws Exception {
        kari = person("Kari", "Berg", "NO", "kari.berg@mfa.no", "fr");
        long ola = person("Ola", "Dahl", "NO", null, null);
        Http.Answer group = admin.post("/api/contacts/groups", "{\"name\":\"Focal points of Norway\",\"kind\":\"STATIC\"}");
        assertEquals(201, group.status, group::toString);
        long groupId = group.json.get("id").asLong();
        assertEquals(200, admin.post("/api/contacts/groups/" + groupId + "/members", "{\"personIds\":[" + kari + "," + ola + "]}").status);
        JsonNode offered = admin.get("/api/meetings/invitations/groups").json;
        assertTrue(offered.get("available").asBoolean(), offered::toString);
        assertTrue(offered.get("groups").toString().contains("Focal points of Norway"), offered::toString);

        Http.Answer sent = admin.post("/api/meetings/" + meetingId + "/invitations", "{\"groupId\":" + groupId + "}");
        assertEquals(201, sent.status, sent::toString);
        assertEquals(1, sent.json.get("invitations").size(), sent::toString);
        JsonNode invitation = sent.json.get("invitations").get(0);
        assertEquals("kari.berg@mfa.no", invitation.get("email").asText());
        assertEquals("fr", invitation.get("language").asText(), "the person's language");
        assertEquals(kari, invitation.get("personId").asLong());
        assertEquals(1, sent.json.get("queued").asInt());
        JsonNode outcome = sent.json.get("group");
        assertEquals(1, outcome.get("skippedNoConsent").asInt(), outcome::toString);
        assertEquals("Ola Dahl", outcome.get("skipped").get(0).get("name").asText());
        assertEquals("NO_CONSENT", outcome.get("skipped").get(0).get("reason").asText());
        JsonNode mail = admin.get("/api/platform/mail/outbox/meetings:invitation:" + invitation.get("id").asLong()).json;
        assertEquals("fr", mail.get("language").asText(), mail::toString);
        assertEquals(400, admin.post("/api/meetings/" + meetingId + "/invitations", "{\"groupId\":987654}").status, "an unknown group");
        covered.add("invitations to a contacts group: 1 invited in French, 1 left out for no consent, named");

        // Kari registers herself through the public form with the invitation's link: linked to her person by her address.
        String token = invitation.get("linkToken").asText();
        Http visitor = new Http("http://127.0.0.1:" + port, null);
        Http.Answer form = visitor.get("/register/" + token);
        assertEquals(200, form.status, form::toString);
        Matcher nonce = NONCE.matcher(form.body);
        assertTrue(nonce.find(), form.body);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nonce", nonce.group(1));
        fields.put("lang", "fr");
        fields.put("focalName", "Kari Berg");
        fields.put("focalEmail", "kari.berg@mfa.no");
        fields.put("website", "");
        for (int row = 1; row <= 6; row++) {
            boolean first = row == 1;
            fields.put("d" + row + "-given", first ? "Kari" : "");
            fields.put("d" + row + "-family", first ? "Berg" : "");
            fields.put("d" + row + "-function", first ? "Ambassador" : "");
            fields.put("d" + row + "-email", first ? "Kari.Berg@mfa.no" : "");
            fields.put("d" + row + "-language", "fr");
            fields.put("d" + row + "-role", first ? "HEAD_OF_DELEGATION" : "DELEGATE");
            fields.put("d" + row + "-needs", "");
        }
        Http.Answer submitted = visitor.multipart("/register/" + token, fields, "letter", "credentials.pdf", "application/pdf", LETTER);
        assertEquals(303, submitted.status, submitted::toString);
        JsonNode delegate = admin.get("/api/meetings/" + meetingId + "/participants?status=PENDING").json.get("items").get(0);
        assertEquals(kari, delegate.get("personId").asLong(), delegate::toString);
        JsonNode history = admin.get("/api/contacts/people/" + kari + "/participations").json;
        assertTrue(history.get("available").asBoolean(), history::toString);
        assertEquals(meetingId, history.get("items").get(0).get("meetingId").asLong());
        assertEquals("HEAD_OF_DELEGATION", history.get("items").get(0).get("role").asText());
        assertEquals("Ambassador", history.get("items").get(0).get("function").asText());
        assertEquals(1, admin.get("/api/meetings/participations?person=" + kari).json.size());
        covered.add("a delegate registered through the form linked to the person with the same address; the history read from contacts");
    }

    @Test
    @Order(2)
    void aProposalAcceptedAndAMergeInContactsRelinks() throws Exception {
        long aminata = person("Aminata", "Traoré", "ML", null, null);
        long participantId = register("TRAORE", "aminata", "ML");
        JsonNode proposals = admin.get("/api/meetings/participants/link-proposals").json;
        JsonNode proposal = null;
        for (JsonNode item : proposals.get("items")) {
            if (item.get("participantId").asLong() == participantId) {
                proposal = item;
            }
        }
        assertTrue(proposal != null, proposals::toString);
        assertEquals(aminata, proposal.get("candidates").get(0).get("personId").asLong());
        assertEquals("NAME_AND_STATE", proposal.get("candidates").get(0).get("reasons").get(0).asText());
        Http.Answer accepted = admin.post("/api/meetings/" + meetingId + "/participants/" + participantId + "/person", "{\"personId\":" + aminata + "}");
        assertEquals(200, accepted.status, accepted::toString);
        assertEquals(aminata, participant(participantId).get("personId").asLong());
        covered.add("a proposal (same name and State) accepted");

        // A second record of Kari (no address), a participant linked to it, then merged into the first in contacts.
        long twin = person("Berg", "Kari", "NO", null, null);
        long linked = register("Kari", "Berg", "NO");
        assertEquals(200, admin.post("/api/meetings/" + meetingId + "/participants/" + linked + "/person", "{\"personId\":" + twin + "}").status);
        JsonNode duplicates = admin.get("/api/contacts/people/duplicates").json;
        assertTrue(duplicates.toString().contains("\"id\":" + twin), duplicates::toString);
        Http.Answer merged = admin.post("/api/contacts/people/" + twin + "/merge", "{\"into\":" + kari + "}");
        assertEquals(200, merged.status, merged::toString);
        assertEquals(404, admin.get("/api/contacts/people/" + twin).status);
        // The event is delivered asynchronously: wait until the meetings module has relinked.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (participant(linked).path("personId").asLong() != kari && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(kari, participant(linked).get("personId").asLong(), "relinked to the person kept");
        assertEquals(2, admin.get("/api/contacts/people/" + kari + "/participations").json.get("items").size());
        assertTrue(admin.get("/api/platform/audit?action=POST%20/api/contacts/people/" + twin + "/merge").json.get("total").asInt() >= 1,
                "the merge is in the audit log");
        covered.add("duplicates listed, a merge in contacts relinked the participant to the person kept");
    }

    @Test
    @Order(3)
    void theRemindersQueueTheDueSoonAndOverdueMessagesOnce() throws Exception {
        LocalDate today = LocalDate.now();
        Http.Answer soon = admin.post("/api/meetings/" + meetingId + "/actions", "{\"title\":\"Circulate the draft report\",\"owner\":\"Ms Berg\","
                + "\"ownerEmail\":\"kari.berg@mfa.no\",\"ownerLanguage\":\"fr\",\"dueDate\":\"" + today.plusDays(3) + "\"}");
        assertEquals(201, soon.status, soon::toString);
        Http.Answer late = admin.post("/api/meetings/" + meetingId + "/actions", "{\"title\":\"Send the letters\",\"owner\":\"The Presidency\","
                + "\"ownerEmail\":\"presidency@example.org\",\"dueDate\":\"" + today.minusDays(2) + "\"}");
        assertEquals(201, late.status, late::toString);
        Http.Answer nobody = admin.post("/api/meetings/" + meetingId + "/actions", "{\"title\":\"Nobody's\",\"owner\":\"Someone\",\"dueDate\":\""
                + today.plusDays(1) + "\"}");

        Http specialist = admin.newUser("SPECIALIST");
        assertEquals(403, specialist.post("/api/meetings/actions/reminders/run", "").status, "the administrator's trigger");
        Http.Answer run = admin.post("/api/meetings/actions/reminders/run", "");
        assertEquals(200, run.status, run::toString);
        String dueSoonKey = "meetings-action-" + soon.json.get("id").asLong() + "-" + today.plusDays(3) + "-due-soon";
        String overdueKey = "meetings-action-" + late.json.get("id").asLong() + "-" + today.minusDays(2) + "-overdue";
        Http.Answer french = admin.get("/api/platform/mail/outbox/" + dueSoonKey);
        assertEquals(200, french.status, french::toString);
        assertEquals("fr", french.json.get("language").asText());
        assertEquals("kari.berg@mfa.no", french.json.get("recipient").asText());
        assertEquals("action-due-soon", french.json.get("template").asText());
        Http.Answer overdue = admin.get("/api/platform/mail/outbox/" + overdueKey);
        assertEquals(200, overdue.status, overdue::toString);
        assertEquals("action-overdue", overdue.json.get("template").asText());
        JsonNode actions = admin.get("/api/meetings/" + meetingId + "/actions").json;
        for (JsonNode action : actions) {
            if (action.get("id").asLong() == nobody.json.get("id").asLong()) {
                assertEquals("NO_RECIPIENT", action.get("reminder").get("outcome").asText(), "no owner's address and no unit's: said so");
            }
        }
        JsonNode again = admin.post("/api/meetings/actions/reminders/run", "").json;
        assertEquals(0, again.get("queued").asInt(), again::toString);
        assertTrue(again.get("sentBefore").asInt() >= 2, again::toString);
        covered.add("reminders: due-soon (French) and overdue queued in the outbox by the trigger, a second run queues nothing, no address said");
    }

    @Test
    @Order(4)
    void staffInviteAGroupLinkAProposalSeeRemindersAndAPersonsMeetingsInTheBrowser() throws Exception {
        long jon = person("Jon", "Snow", "NO", null, null);
        long proposed = register("Snow", "Jon", "NO");
        person("Liv", "Dahl", "NO", null, null);
        person("Dahl", "Liv", "NO", null, null);
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

            // The Invitations tab offers the contacts module's groups; who was left out is said after sending.
            int before = admin.get("/api/meetings/" + meetingId + "/invitations").json.size();
            staff.driver.get(base + "/app/#/meetings/" + meetingId + "/invitations");
            WebElement group = staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("groupId")));
            new Select(group).selectByVisibleText("Focal points of Norway");
            staff.assertAccessible("the invitations tab with the groups");
            group.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
            staff.wait.until(driver -> driver.findElements(By.cssSelector(".notification")).stream()
                    .anyMatch(note -> note.getText().contains("left out: Ola Dahl (no consent)")));
            assertEquals(before + 1, admin.get("/api/meetings/" + meetingId + "/invitations").json.size());

            // The participants tab proposes Jon Snow for "Snow Jon" of Norway; staff link them (once the notice is gone from over the button).
            staff.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notification")));
            staff.driver.get(base + "/app/#/meetings/" + meetingId + "/participants");
            WebElement link = staff.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Link']")));
            staff.assertAccessible("the participants tab with a link proposal");
            link.click();
            staff.wait.until(driver -> {
                try {
                    return participant(proposed).path("personId").asLong() == jon;
                } catch (Exception e) {
                    return false;
                }
            });

            // The actions tab says what became of each reminder.
            staff.driver.get(base + "/app/#/meetings/" + meetingId + "/actions");
            staff.wait.until(driver -> driver.findElements(By.xpath("//td[contains(text(), 'sent to kari.berg@mfa.no')]")).size() == 1);
            staff.wait.until(driver -> driver.findElements(By.xpath("//td[contains(text(), \"no owner's or unit's address\")]")).size() == 1);
            staff.assertAccessible("the actions tab with reminders");

            // Kari's page in contacts shows her meetings; the People page lists Liv Dahl twice as one who may be one person.
            staff.driver.get(base + "/app/#/people");
            staff.wait.until(driver -> driver.findElements(By.xpath("//h2[text()='People who may be one']")).size() == 1);
            WebElement kariRow = staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//div[@data-page='people']//table//tr[td[text()='Kari Berg']]")));
            kariRow.findElement(By.xpath(".//button[text()='Edit']")).click();
            staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h3[text()='Meetings']")));
            staff.wait.until(driver -> driver.findElements(By.xpath("//td[text()='Fifteenth Meeting of States Parties']")).size() == 2);
            staff.assertAccessible("the People page with a person's meetings and the duplicates");
            staff.assertNoConsoleErrors();
        }
        covered.add("in the browser: a group invited from the Invitations tab, a proposal linked, reminders' states, a person's meetings and"
                + " the duplicates on the People page; axe-core finds nothing on the four, console clean");
    }
}
