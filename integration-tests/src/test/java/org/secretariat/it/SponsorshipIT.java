package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.it.ApiAssertions.assertError;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sponsorship module as shipped, over the distribution (one platform for the class), with the
 * contacts and meetings modules installed: the issue's example over REST (a fund of 50,000, 17
 * nominations of 3,100 each: 16 funded, 49,600, 400 left), the Director's approval, an accepted award
 * that becomes an approved sponsored participant of the meeting, a no-show whose DSA and terminal
 * expenses return to the fund, the donor report; then the meetings module uninstalled: sponsorship
 * still answers, programmes read-only, a 409 on what needs meetings. In between, the website's
 * anonymised figures at {@code /en/sponsorship}, and the proposal page in a
 * real browser (Chromium): the Director sees each line with the balance after it and approves (axe-core,
 * console clean; screenshots in {@code target/screenshots/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SponsorshipIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final List<String> STATES = List.of("BF", "BJ", "BI", "TD", "KM", "ML", "MZ", "NE", "RW", "TG", "UG", "GM", "GN", "LR", "MW",
        "SL", "ZM");
    /** The meeting ran from four days ago to today: 6 nights; attendance may be recorded. */
    private static final LocalDate END = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate START = END.minusDays(4);

    private Distribution platform;
    private Http admin;
    private Http director;
    private Http specialist;
    private long fundId;
    private long meetingId;
    private long programmeId;
    private final List<Long> applications = new ArrayList<>();
    private Path folder;
    private int port;

    @BeforeAll
    void start() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("sponsorship-" + System.nanoTime()));
        port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        admin = new Http(port);
        platform = Distribution.start(environment, folder.resolve("run.log"));
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        for (String module : List.of("contacts", "meetings", "sponsorship")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, installed::toString);
        }
        director = admin.newUser("DIRECTOR");
        specialist = admin.newUser("SPECIALIST");
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static BigDecimal amount(JsonNode node) {
        return node.decimalValue();
    }

    private static void assertAmount(String expected, JsonNode actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(amount(actual)), what + ": " + actual);
    }

    @Test
    @Order(1)
    void theIssuesExampleSixteenFundedAndTheDirectorApproves() throws Exception {
        Http.Answer meeting = specialist.post("/api/meetings", "{\"type\":\"MSP\",\"title\":\"Meeting with sponsored delegates\",\"startDate\":\""
                + START + "\",\"endDate\":\"" + END + "\",\"city\":\"Geneva\"}");
        assertEquals(201, meeting.status, meeting::toString);
        meetingId = meeting.json.get("id").asLong();
        Http.Answer fund = specialist.post("/api/sponsorship/funds", "{\"donorName\":\"Government of Norway\",\"currency\":\"CHF\",\"pledged\":50000}");
        assertEquals(201, fund.status, fund::toString);
        fundId = fund.json.get("id").asLong();
        assertEquals(201, specialist.post("/api/sponsorship/funds/" + fundId + "/receipts", "{\"receivedOn\":\"" + START.minusMonths(2)
                + "\",\"amount\":50000}").status);
        Http.Answer rates = specialist.post("/api/sponsorship/dsa-rates", "text/csv", "city,validFrom,currency,rate\nGeneva," + START.minusYears(1)
                + ",CHF,300\n");
        assertEquals(200, rates.status, rates::toString);
        assertError(specialist.post("/api/sponsorship/dsa-rates", "text/csv", "city,validFrom,currency,rate\nGeneva,yesterday,CHF,300\n"), 400, "file");

        Http.Answer programme = specialist.post("/api/sponsorship/programmes", "{\"fundId\":" + fundId + ",\"meetingId\":" + meetingId
                + ",\"deadline\":\"" + END.plusDays(30) + "T00:00:00Z\",\"places\":30,\"maxPerState\":1,\"terminalExpenses\":100,"
                + "\"points\":{\"stateParty\":10,\"mandate\":5,\"notSponsoredBefore\":3,\"genderBalance\":2,\"firstParticipation\":1}}");
        assertEquals(201, programme.status, programme::toString);
        programmeId = programme.json.get("id").asLong();
        assertEquals(6, programme.json.get("meeting").get("nights").asInt(), programme.body);

        for (String state : STATES) {
            Http.Answer application = specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications", "{\"stateIso2\":\"" + state
                    + "\",\"givenName\":\"Delegate\",\"familyName\":\"of " + state + "\",\"gender\":\"FEMALE\",\"fare\":1200}");
            assertEquals(201, application.status, application::toString);
            assertAmount("3100", application.json.get("cost").get("total"), "1,200 + 6 × 300 + 100");
            applications.add(application.json.get("id").asLong());
        }
        assertError(specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications",
                "{\"stateIso2\":\"NO\",\"familyName\":\"Berg\",\"email\":\"berg@example.no\",\"consent\":false}"), 400, "email");

        Http.Answer proposal = specialist.get("/api/sponsorship/programmes/" + programmeId + "/proposal");
        assertEquals(200, proposal.status, proposal::toString);
        assertEquals(16, proposal.json.get("funded").asInt(), proposal.body);
        assertAmount("49600", proposal.json.get("total"), "funded");
        assertAmount("400", proposal.json.get("left"), "left");
        int version = proposal.json.get("programmeVersion").asInt();
        assertEquals(403, specialist.post("/api/sponsorship/programmes/" + programmeId + "/proposal/approve", "{\"version\":" + version + "}").status);
        assertEquals(403, admin.post("/api/sponsorship/programmes/" + programmeId + "/proposal/approve", "{\"version\":" + version + "}").status,
                "administrators do not approve");
        Http.Answer approved = director.post("/api/sponsorship/programmes/" + programmeId + "/proposal/approve", "{\"version\":" + version + "}");
        assertEquals(200, approved.status, approved::toString);
        Http.Answer balance = specialist.get("/api/sponsorship/funds/" + fundId);
        assertAmount("49600", balance.json.get("balance").get("committed"), "the approval commits");
        assertAmount("400", balance.json.get("balance").get("balance"), "balance");
        System.out.println("SponsorshipIT: 17 nominations of 3,100, fund 50,000: 16 funded, 49,600 committed, 400 left");
    }

    @Test
    @Order(2)
    void anAcceptedAwardBecomesAnApprovedSponsoredParticipant() throws Exception {
        long first = applications.get(0);
        Http.Answer offered = specialist.get("/api/sponsorship/programmes/" + programmeId + "/applications/" + first);
        assertEquals("OFFERED", offered.json.get("status").asText(), offered.body);
        assertError(specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications/" + first + "/decision",
                "{\"status\":\"ACCEPTED\",\"version\":" + offered.json.get("version").asInt() + "}"), 400, "reason");
        Http.Answer accepted = specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications/" + first + "/decision",
                "{\"status\":\"ACCEPTED\",\"reason\":\"accepted by the nominee\",\"version\":" + offered.json.get("version").asInt() + "}");
        assertEquals(200, accepted.status, accepted::toString);
        long participantId = accepted.json.get("participantId").asLong();
        Http.Answer participants = specialist.get("/api/meetings/" + meetingId + "/participants?size=100");
        JsonNode participant = null;
        for (JsonNode p : participants.json.get("items")) {
            if (p.get("id").asLong() == participantId) {
                participant = p;
            }
        }
        assertTrue(participant != null, participants.body);
        assertEquals("APPROVED", participant.get("status").asText(), participant.toString());
        assertTrue(participant.get("sponsored").asBoolean(), participant.toString());
        assertEquals("BF", participant.get("stateIso2").asText());
        System.out.println("SponsorshipIT: accepted award -> participant " + participantId + " APPROVED, sponsored");
    }

    @Test
    @Order(3)
    void aNoShowReturnsTheDsaAndTerminalExpensesToTheFund() throws Exception {
        long first = applications.get(0);
        Http.Answer before = specialist.get("/api/sponsorship/funds/" + fundId);
        Http.Answer read = specialist.get("/api/sponsorship/programmes/" + programmeId + "/applications/" + first);
        Http.Answer noShow = specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications/" + first + "/attendance",
                "{\"attendance\":\"NO_SHOW\",\"version\":" + read.json.get("version").asInt() + "}");
        assertEquals(200, noShow.status, noShow::toString);
        assertAmount("1200", noShow.json.get("spent"), "the fare stays spent");
        Http.Answer after = specialist.get("/api/sponsorship/funds/" + fundId);
        assertEquals(0, amount(before.json.get("balance").get("balance")).add(new BigDecimal("1900"))
                .compareTo(amount(after.json.get("balance").get("balance"))), before.body + " -> " + after.body);
        assertAmount("2300", after.json.get("balance").get("balance"), "400 + 1,900");

        Http.Answer csv = specialist.get("/api/sponsorship/funds/" + fundId + "/report.csv");
        assertEquals(200, csv.status, csv::toString);
        assertTrue(csv.body.contains("Government of Norway") && csv.body.contains("NO_SHOW"), csv.body);
        Http.Answer pdf = specialist.get("/api/sponsorship/funds/" + fundId + "/report.pdf");
        assertEquals(200, pdf.status);
        assertTrue(pdf.body.startsWith("%PDF-"), "a PDF");
        System.out.println("SponsorshipIT: no-show -> 1,900 back to the fund (balance 2,300); donor report CSV and PDF");
    }

    @Test
    @Order(4)
    void theDirectorApprovesTheProposalInTheBrowser() throws Exception {
        Http.Answer meeting = specialist.post("/api/meetings", "{\"type\":\"MSP\",\"title\":\"Meeting for the proposal page\",\"startDate\":\""
                + END.plusMonths(3) + "\",\"endDate\":\"" + END.plusMonths(3).plusDays(4) + "\",\"city\":\"Geneva\"}");
        Http.Answer fund = specialist.post("/api/sponsorship/funds", "{\"donorName\":\"Government of Ireland\",\"currency\":\"CHF\",\"pledged\":7000}");
        long otherFund = fund.json.get("id").asLong();
        specialist.post("/api/sponsorship/funds/" + otherFund + "/receipts", "{\"receivedOn\":\"" + END + "\",\"amount\":7000}");
        Http.Answer programme = specialist.post("/api/sponsorship/programmes", "{\"fundId\":" + otherFund + ",\"meetingId\":"
                + meeting.json.get("id").asLong() + ",\"deadline\":\"" + END.plusMonths(2) + "T00:00:00Z\",\"places\":5,\"terminalExpenses\":100,"
                + "\"points\":{\"stateParty\":10,\"mandate\":5,\"notSponsoredBefore\":3,\"genderBalance\":2,\"firstParticipation\":1}}");
        assertEquals(201, programme.status, programme::toString);
        long id = programme.json.get("id").asLong();
        for (String state : List.of("SN", "LA", "KH")) {
            assertEquals(201, specialist.post("/api/sponsorship/programmes/" + id + "/applications", "{\"stateIso2\":\"" + state
                    + "\",\"familyName\":\"Nominee " + state + "\",\"gender\":\"FEMALE\",\"fare\":1200}").status);
        }
        String password = "sponsorship pages password 2";
        Http.Answer created = admin.post("/api/platform/users", "{\"username\":\"director-sponsorship\",\"displayName\":\"Sponsorship Director\","
                + "\"roles\":[\"DIRECTOR\"],\"password\":\"first password 1\"}");
        assertEquals(201, created.status, created::toString);
        Http user = new Http(port);
        assertEquals(200, user.login("director-sponsorship", "first password 1").status);
        assertEquals(204, user.post("/api/platform/session/password", "{\"currentPassword\":\"first password 1\",\"newPassword\":\"" + password + "\"}").status);

        try (StaffBrowser staff = StaffBrowser.start(folder.resolve("browser-profile"))) {
            staff.driver.get("http://127.0.0.1:" + port + "/app/");
            staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("director-sponsorship");
            staff.driver.findElement(By.name("password")).sendKeys(password);
            staff.driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
            staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=sponsorship]")));
            staff.driver.get("http://127.0.0.1:" + port + "/app/#/sponsorship");
            staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=sponsorship] a.programme-link")));
            staff.screenshot("sponsorship-01-overview");
            staff.assertAccessible("sponsorship overview");

            staff.driver.get("http://127.0.0.1:" + port + "/app/#/sponsorship/" + id);
            WebElement approve = staff.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=sponsorship] button.approve")));
            String proposal = staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] .proposal")).getText();
            assertTrue(proposal.contains("2 funded"), "two of 3,100 within 7,000: " + proposal);
            assertTrue(proposal.contains("3,900.00") && proposal.contains("800.00"), "the balance after each line: " + proposal);
            assertTrue(proposal.contains("Balance does not cover"), proposal);
            staff.screenshot("sponsorship-02-proposal");
            staff.assertAccessible("selection proposal");
            ((JavascriptExecutor) staff.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", approve);
            approve.click();
            staff.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=sponsorship] .proposal"),
                    "Approved by director-sponsorship"));
            assertEquals("OFFERED", specialist.get("/api/sponsorship/programmes/" + id + "/applications?status=OFFERED").json.get(0).get("status").asText());
            assertAmount("6200", specialist.get("/api/sponsorship/funds/" + otherFund).json.get("balance").get("committed"), "approved in the browser");
            staff.screenshot("sponsorship-03-approved");
            staff.assertAccessible("approved proposal");
            staff.assertNoConsoleErrors();
        }
        System.out.println("SponsorshipIT: proposal page in Chromium: balance after each line, the Director approves; axe-core 0 violations, console clean");
    }

    @Test
    @Order(5)
    void theWebsitePublishesTheAnonymisedFigures() throws Exception {
        Http.Answer installed = admin.post("/api/platform/modules/website/install", "");
        assertEquals(200, installed.status, installed::toString);
        Http.Answer page = new Http(port).await("/en/sponsorship", 200, Duration.ofSeconds(10));
        assertEquals(200, page.status, page::toString);
        assertTrue(page.body.contains("<th scope=\"row\">Meeting with sponsored delegates</th>"), page.body);
        assertTrue(page.body.contains("<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100%</td>"),
                "one sponsored delegate (a no-show still counts), one state, all women: " + page.body);
        assertTrue(!page.body.contains("of BF") && !page.body.contains("Delegate"), "no name on the public page");
        System.out.println("SponsorshipIT: /en/sponsorship on the website: 1 sponsored delegate, 1 state, 100% women, no name");
    }

    @Test
    @Order(9)
    void withoutTheMeetingsModuleSponsorshipAnswersReadOnly() throws Exception {
        Http.Answer uninstalled = admin.delete("/api/platform/modules/meetings");
        assertEquals(200, uninstalled.status, uninstalled::toString);
        Http.Answer programmes = specialist.get("/api/sponsorship/programmes");
        assertEquals(200, programmes.status, programmes::toString);
        assertTrue(programmes.json.get(0).get("readOnly").asBoolean(), programmes.body);
        assertEquals(200, specialist.get("/api/sponsorship/programmes/" + programmeId + "/proposal").status);
        Http.Answer submit = specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications",
                "{\"stateIso2\":\"SN\",\"familyName\":\"Sarr\",\"fare\":900}");
        assertError(submit, 409, null);
        assertTrue(submit.json.get("error").asText().contains("needs the meetings module"), submit.body);
        assertError(specialist.post("/api/sponsorship/programmes", "{\"fundId\":" + fundId + ",\"meetingId\":" + meetingId
                + ",\"deadline\":\"2030-01-01T00:00:00Z\",\"places\":3}"), 409, null);
        long second = applications.get(1);
        Http.Answer offered = specialist.get("/api/sponsorship/programmes/" + programmeId + "/applications/" + second);
        assertError(specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications/" + second + "/decision",
                "{\"status\":\"ACCEPTED\",\"reason\":\"accepted\",\"version\":" + offered.json.get("version").asInt() + "}"), 409, null);
        Http.Answer declined = specialist.post("/api/sponsorship/programmes/" + programmeId + "/applications/" + second + "/decision",
                "{\"status\":\"DECLINED\",\"reason\":\"cannot travel\",\"version\":" + offered.json.get("version").asInt() + "}");
        assertEquals(200, declined.status, "a decision that needs no meeting still works: " + declined);
        assertEquals(200, specialist.get("/api/sponsorship/funds/" + fundId + "/report.csv").status);
        System.out.println("SponsorshipIT: meetings uninstalled -> programmes readOnly, 409 on submit/setup/accept, decline and reports work");
    }
}
