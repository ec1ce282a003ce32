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
        for (String install : List.of("contacts/install", "meetings/install", "sponsorship/install?version=1.0.0")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + install, "");
            assertEquals(200, installed.status, installed::toString);
        }
        assertEquals("1.0.0", installedVersion("sponsorship"), "the previous release first: the example runs on it, then the upgrade");
        director = admin.newUser("DIRECTOR");
        specialist = admin.newUser("SPECIALIST");
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private String installedVersion(String module) throws Exception {
        for (JsonNode installed : admin.get("/api/platform/modules").json.get("installed")) {
            if (module.equals(installed.get("id").asText())) {
                return installed.get("version").asText();
            }
        }
        return "not installed";
    }

    /** Every fund, programme and application (with its decisions) as the API answers them. */
    private Map<String, JsonNode> everything() throws Exception {
        Map<String, JsonNode> all = new java.util.TreeMap<>();
        all.put("funds", specialist.get("/api/sponsorship/funds").json);
        Http.Answer programmes = specialist.get("/api/sponsorship/programmes");
        all.put("programmes", programmes.json);
        for (JsonNode programme : programmes.json) {
            String base = "/api/sponsorship/programmes/" + programme.get("id").asLong();
            all.put(base + "/proposal", specialist.get(base + "/proposal").json);
            all.put(base + "/eligible-states", specialist.get(base + "/eligible-states").json);
            Http.Answer list = specialist.get(base + "/applications");
            all.put(base + "/applications", list.json);
            for (JsonNode application : list.json) {
                String path = base + "/applications/" + application.get("id").asLong() + "/decisions";
                all.put(path, specialist.get(path).json);
            }
        }
        all.put("dsa-rates", specialist.get("/api/sponsorship/dsa-rates").json);
        return all;
    }

    /**
     * A one-page PDF with its cross-reference table, as a word processor writes one (the offsets are
     * counted, so a reader that checks them opens it).
     */
    static byte[] pdf(String text) {
        List<String> objects = java.util.Arrays.asList("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                null, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        String stream = "BT /F1 12 Tf 72 770 Td (" + text + ") Tj ET";
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            String body = objects.get(i) != null ? objects.get(i) : "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream";
            out.append(i + 1).append(" 0 obj\n").append(body).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> out.append(String.format("%010d 00000 n \n", offset)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
    void theUpgradeTo110KeepsEveryFundProgrammeAndApplication() throws Exception {
        Map<String, JsonNode> before = everything();
        Http.Answer upgraded = admin.post("/api/platform/modules/sponsorship/upgrade", "");
        assertEquals(200, upgraded.status, upgraded::toString);
        assertEquals("1.1.0", installedVersion("sponsorship"));
        Map<String, JsonNode> after = everything();
        assertEquals(before.keySet(), after.keySet());
        // every field 1.0.0 answered, with its value (1.1.0 adds the application's version to the proposal's lines)
        ApiAssertions.assertKept(before, after, "after the upgrade to 1.1.0");
        assertEquals(17, after.get("/api/sponsorship/programmes/" + programmeId + "/applications").size());
        System.out.println("SponsorshipIT: sponsorship 1.0.0 -> 1.1.0 (migration V2): " + before.size() + " answers keep every field and value (funds, programmes, "
                + applications.size() + " applications with their decisions, proposal)");
    }

    @Test
    @Order(3)
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
    @Order(4)
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
    @Order(5)
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

            // DSA rates imported through the page: a line at fault is named beside the file field, a good file is listed.
            Path badRates = folder.resolve("dsa-bad.csv");
            Files.writeString(badRates, "city,validFrom,currency,rate\nVienna,soon,EUR,250\n");
            WebElement ratesFile = staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] form.dsa-import input[type=file]"));
            ratesFile.sendKeys(badRates.toAbsolutePath().toString());
            staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] form.dsa-import button[type=submit]")).click();
            WebElement refused = staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=sponsorship] form.dsa-import .field-error")));
            assertTrue(refused.getText().contains("line"), "the refusal names the line: " + refused.getText());
            Path rates = folder.resolve("dsa-vienna.csv");
            Files.writeString(rates, "city,validFrom,currency,rate\nVienna," + END.minusMonths(1) + ",EUR,250\n");
            staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] form.dsa-import input[type=file]")).sendKeys(rates.toAbsolutePath().toString());
            staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] form.dsa-import button[type=submit]")).click();
            staff.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=sponsorship] .dsa-rates"), "Vienna"));
            assertTrue(specialist.get("/api/sponsorship/dsa-rates?city=Vienna").body.contains("250"), "imported through the page");
            staff.assertAccessible("DSA rates imported");

            staff.driver.get("http://127.0.0.1:" + port + "/app/#/sponsorship/" + id);
            WebElement approve = staff.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=sponsorship] button.approve")));

            // The eligible states imported through the programme's page.
            Path eligible = folder.resolve("eligible.csv");
            Files.writeString(eligible, "stateIso2,region\nSN,Africa\nLA,Asia\nKH,Asia\n");
            staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] form.eligible-import input[type=file]"))
                    .sendKeys(eligible.toAbsolutePath().toString());
            staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] form.eligible-import button[type=submit]")).click();
            staff.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=sponsorship] .eligible-states"), "Africa"));
            assertEquals(3, specialist.get("/api/sponsorship/programmes/" + id + "/eligible-states").json.size());
            String proposal = staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] .proposal")).getText();
            assertTrue(proposal.contains("2 funded"), "two of 3,100 within 7,000: " + proposal);
            assertTrue(proposal.contains("3,900.00") && proposal.contains("800.00"), "the balance after each line: " + proposal);
            assertTrue(proposal.contains("Balance does not cover"), proposal);
            staff.screenshot("sponsorship-02-proposal");
            staff.assertAccessible("selection proposal");

            // Staff exclude the first line with a reason: the proposal is drawn again, the next ones take its place.
            WebElement exclude = staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] .proposal button.exclude"));
            ((JavascriptExecutor) staff.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", exclude);
            exclude.click();
            WebElement reason = staff.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".page[data-page=sponsorship] .proposal .adjustment form input[name=reason]")));
            reason.sendKeys("sponsored by another donor");
            staff.assertAccessible("adjustment form");
            staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] .proposal .adjustment form button[type=submit]")).click();
            staff.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=sponsorship] .proposal"),
                    "Excluded by staff"));
            String adjusted = staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] .proposal")).getText();
            assertTrue(adjusted.contains("sponsored by another donor") && adjusted.contains("2 funded") && !adjusted.contains("Balance does not cover"),
                    "the excluded line gives its place; the balance after each line follows: " + adjusted);
            staff.screenshot("sponsorship-03-adjusted");
            staff.assertAccessible("adjusted proposal");
            approve = staff.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=sponsorship] button.approve")));
            ((JavascriptExecutor) staff.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", approve);
            approve.click();
            staff.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=sponsorship] .proposal"),
                    "Approved by director-sponsorship"));
            assertEquals("OFFERED", specialist.get("/api/sponsorship/programmes/" + id + "/applications?status=OFFERED").json.get(0).get("status").asText());
            assertAmount("6200", specialist.get("/api/sponsorship/funds/" + otherFund).json.get("balance").get("committed"), "approved in the browser");
            assertTrue(staff.driver.findElements(By.cssSelector(".page[data-page=sponsorship] form.eligible-import")).isEmpty(),
                    "an approved selection's eligible states no longer change");
            staff.screenshot("sponsorship-04-approved");
            staff.assertAccessible("approved proposal");

            // The nomination letter of the first application, uploaded through the page and then offered for download.
            Path letter = folder.resolve("nomination-SN.pdf");
            Files.write(letter, pdf("Nomination of the delegate of Senegal"));
            WebElement upload = staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] .applications button.upload-letter"));
            ((JavascriptExecutor) staff.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", upload);
            upload.click();
            staff.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".page[data-page=sponsorship] .applications .letter input[type=file]")))
                    .sendKeys(letter.toAbsolutePath().toString());
            staff.assertAccessible("letter upload");
            staff.driver.findElement(By.cssSelector(".page[data-page=sponsorship] .applications .letter form button[type=submit]")).click();
            WebElement link = staff.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=sponsorship] .applications .letter a")));
            assertEquals("nomination-SN.pdf", link.getText());
            JsonNode sn = specialist.get("/api/sponsorship/programmes/" + id + "/applications?stateIso2=SN").json.get(0);
            assertEquals("nomination-SN.pdf", sn.get("letter").get("fileName").asText(), sn.toString());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(letter),
                    specialist.bytes("/api/sponsorship/programmes/" + id + "/applications/" + sn.get("id").asLong() + "/letter").body()), "stored as sent");
            assertTrue(link.getAttribute("href").endsWith("/applications/" + sn.get("id").asLong() + "/letter"), link.getAttribute("href"));
            staff.screenshot("sponsorship-05-letter");
            staff.assertAccessible("applications with a letter");
            staff.assertNoConsoleErrors();
        }
        System.out.println("SponsorshipIT: pages in Chromium: DSA rates imported (a bad line named), eligible states imported, the balance after"
                + " each line, a line excluded with a reason (the next funded), the Director approves, a nomination letter uploaded and linked;"
                + " axe-core 0 violations, console clean");
    }

    @Test
    @Order(6)
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
    @Order(7)
    void lettersAdjustmentsAndPartialAttendanceOverRest() throws Exception {
        String base = "/api/sponsorship/programmes/" + programmeId + "/applications/";
        long third = applications.get(2);
        byte[] letter = pdf("Nomination of the delegate of Burundi");
        Http.Answer uploaded = specialist.put(base + third + "/letter?fileName=nomination-BI.pdf", "application/pdf", letter);
        assertEquals(200, uploaded.status, uploaded::toString);
        assertEquals("nomination-BI.pdf", uploaded.json.get("letter").get("fileName").asText(), uploaded.body);
        assertEquals(letter.length, uploaded.json.get("letter").get("size").asInt());
        java.net.http.HttpResponse<byte[]> download = specialist.bytes(base + third + "/letter");
        assertEquals(200, download.statusCode());
        assertTrue(java.util.Arrays.equals(letter, download.body()), "the letter as uploaded");
        assertError(specialist.put(base + third + "/letter?fileName=letter.pdf", "application/pdf",
                "Dear Sir, this is not a PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400, "file");

        // Partial attendance: the fare, the terminal expenses and the DSA of the nights stayed are spent; the other nights return.
        Http.Answer offered = specialist.get(base + third);
        assertEquals("OFFERED", offered.json.get("status").asText(), offered.body);
        Http.Answer accepted = specialist.post(base + third + "/decision", "{\"status\":\"ACCEPTED\",\"reason\":\"accepted\",\"version\":"
                + offered.json.get("version").asInt() + "}");
        assertEquals(200, accepted.status, accepted::toString);
        Http.Answer before = specialist.get("/api/sponsorship/funds/" + fundId);
        assertError(specialist.post(base + third + "/attendance", "{\"attendance\":\"PARTLY\",\"version\":" + accepted.json.get("version").asInt()
                + "}"), 400, "nightsAttended");
        Http.Answer partly = specialist.post(base + third + "/attendance", "{\"attendance\":\"PARTLY\",\"nightsAttended\":3,\"version\":"
                + accepted.json.get("version").asInt() + "}");
        assertEquals(200, partly.status, partly::toString);
        assertAmount("2200", partly.json.get("spent"), "1,200 + 100 + 3 nights of 300");
        Http.Answer after = specialist.get("/api/sponsorship/funds/" + fundId);
        assertEquals(0, amount(before.json.get("balance").get("balance")).add(new BigDecimal("900"))
                .compareTo(amount(after.json.get("balance").get("balance"))), "the 3 nights not stayed (900) return: " + before.body + " -> " + after.body);

        // Staff adjustments on a programme of its own: 7,000 covers two of three applications of 3,100.
        Http.Answer meeting = specialist.post("/api/meetings", "{\"type\":\"IM\",\"title\":\"Meeting for the adjustments\",\"startDate\":\""
                + END.plusMonths(5) + "\",\"endDate\":\"" + END.plusMonths(5).plusDays(4) + "\",\"city\":\"Geneva\"}");
        assertEquals(201, meeting.status, meeting::toString);
        Http.Answer fund = specialist.post("/api/sponsorship/funds", "{\"donorName\":\"Government of Austria\",\"currency\":\"CHF\",\"pledged\":7000}");
        long adjustedFund = fund.json.get("id").asLong();
        specialist.post("/api/sponsorship/funds/" + adjustedFund + "/receipts", "{\"receivedOn\":\"" + END + "\",\"amount\":7000}");
        Http.Answer programme = specialist.post("/api/sponsorship/programmes", "{\"fundId\":" + adjustedFund + ",\"meetingId\":"
                + meeting.json.get("id").asLong() + ",\"deadline\":\"" + END.plusMonths(4) + "T00:00:00Z\",\"places\":5,\"terminalExpenses\":100,"
                + "\"points\":{\"stateParty\":10,\"mandate\":5,\"notSponsoredBefore\":3,\"genderBalance\":2,\"firstParticipation\":1}}");
        assertEquals(201, programme.status, programme::toString);
        String adjusted = "/api/sponsorship/programmes/" + programme.json.get("id").asLong();
        List<Long> ids = new ArrayList<>();
        for (String state : List.of("MW", "SL", "ZM")) {
            Http.Answer application = specialist.post(adjusted + "/applications", "{\"stateIso2\":\"" + state + "\",\"familyName\":\"Nominee "
                    + state + "\",\"gender\":\"FEMALE\",\"fare\":1200}");
            assertEquals(201, application.status, application::toString);
            ids.add(application.json.get("id").asLong());
        }
        assertEquals(List.of("FUNDED", "FUNDED", "BALANCE"), outcomes(adjusted, ids));
        Http.Answer first = specialist.get(adjusted + "/applications/" + ids.get(0));
        assertError(specialist.post(adjusted + "/applications/" + ids.get(0) + "/adjustment", "{\"adjustment\":\"EXCLUDE\",\"version\":"
                + first.json.get("version").asInt() + "}"), 400, "reason");
        Http.Answer excluded = specialist.post(adjusted + "/applications/" + ids.get(0) + "/adjustment", "{\"adjustment\":\"EXCLUDE\","
                + "\"reason\":\"sponsored by another donor\",\"version\":" + first.json.get("version").asInt() + "}");
        assertEquals(200, excluded.status, excluded::toString);
        assertEquals(List.of("EXCLUDED", "FUNDED", "FUNDED"), outcomes(adjusted, ids), "the excluded one gives its place to the next");
        Http.Answer proposal = specialist.get(adjusted + "/proposal");
        assertAmount("800", proposal.json.get("left"), "7,000 - 2 x 3,100");
        Http.Answer third3 = specialist.get(adjusted + "/applications/" + ids.get(2));
        Http.Answer included = specialist.post(adjusted + "/applications/" + ids.get(2) + "/adjustment", "{\"adjustment\":\"INCLUDE\","
                + "\"reason\":\"the delegation's only expert on clearance\",\"version\":" + third3.json.get("version").asInt() + "}");
        assertEquals(200, included.status, included::toString);
        assertEquals("the delegation's only expert on clearance", included.json.get("adjustmentReason").asText());
        Http.Answer ranked = specialist.get(adjusted + "/proposal");
        assertEquals(ids.get(2).longValue(), ranked.json.get("lines").get(0).get("applicationId").asLong(), "included: first, ahead of the ranking");
        assertEquals("FUNDED", ranked.json.get("lines").get(0).get("outcome").asText(), ranked.body);
        System.out.println("SponsorshipIT: letter (PDF) uploaded and downloaded, a non-PDF refused (400 file); PARTLY 3 nights -> 2,200 spent,"
                + " 900 back; EXCLUDE gives the place to the next (800 left), INCLUDE with a reason ranks first");
    }

    private List<String> outcomes(String programme, List<Long> ids) throws Exception {
        Http.Answer proposal = specialist.get(programme + "/proposal");
        Map<Long, String> byId = new java.util.HashMap<>();
        proposal.json.get("lines").forEach(line -> byId.put(line.get("applicationId").asLong(), line.get("outcome").asText()));
        return ids.stream().map(byId::get).toList();
    }

    @Test
    @Order(8)
    void personalDataPastTheirRetentionAreErased() throws Exception {
        Http.Answer meeting = specialist.post("/api/meetings", "{\"type\":\"INF\",\"title\":\"A workshop long past\",\"startDate\":\""
                + END.minusDays(14) + "\",\"endDate\":\"" + END.minusDays(12) + "\",\"city\":\"Geneva\"}");
        assertEquals(201, meeting.status, meeting::toString);
        Http.Answer programme = specialist.post("/api/sponsorship/programmes", "{\"fundId\":" + fundId + ",\"meetingId\":"
                + meeting.json.get("id").asLong() + ",\"deadline\":\"" + END.plusDays(30) + "T00:00:00Z\",\"places\":5,\"terminalExpenses\":100}");
        assertEquals(201, programme.status, programme::toString);
        String base = "/api/sponsorship/programmes/" + programme.json.get("id").asLong() + "/applications";
        Http.Answer submitted = specialist.post(base, "{\"stateIso2\":\"TG\",\"givenName\":\"Afi\",\"familyName\":\"Mensah\",\"gender\":\"FEMALE\","
                + "\"email\":\"afi.mensah@example.tg\",\"consent\":true,\"fare\":900,\"retainUntil\":\"" + END.minusDays(12) + "\"}");
        assertEquals(201, submitted.status, submitted::toString);
        long id = submitted.json.get("id").asLong();
        assertEquals(200, specialist.put(base + "/" + id + "/letter?fileName=mensah.pdf", "application/pdf", pdf("Nomination of Afi Mensah")).status);
        Http.Answer read = specialist.get(base + "/" + id);
        assertEquals(200, specialist.post(base + "/" + id + "/decision", "{\"status\":\"INFORMATION_NEEDED\",\"reason\":\"Ms Mensah's letter is"
                + " unsigned\",\"version\":" + read.json.get("version").asInt() + "}").status);
        String reportBefore = specialist.get("/api/sponsorship/funds/" + fundId + "/report.csv").body;

        assertEquals(403, specialist.post("/api/sponsorship/retention/run", "").status, "administrators run it");
        Http.Answer run = admin.post("/api/sponsorship/retention/run", "");
        assertEquals(200, run.status, run::toString);
        assertEquals(1, run.json.get("erased").asInt(), run.body);
        assertEquals(id, run.json.get("applications").get(0).asLong(), run.body);
        assertEquals(1, run.json.get("lettersDeleted").asInt(), run.body);
        Http.Answer erased = specialist.get(base + "/" + id);
        assertEquals("erased", erased.json.get("familyName").asText(), erased.body);
        assertTrue(!erased.body.contains("Mensah") && !erased.body.contains("Afi") && !erased.body.contains("@"), "no personal data: " + erased.body);
        assertEquals(END.toString(), erased.json.get("erasedOn").asText());
        assertEquals("FEMALE", erased.json.get("gender").asText(), "kept for the statistics");
        assertEquals(404, specialist.get(base + "/" + id + "/letter").status);
        assertTrue(!specialist.get(base + "/" + id + "/decisions").body.contains("Mensah"), "the decisions' reasons go too");
        assertError(specialist.put(base + "/" + id, "{\"familyName\":\"Mensah\",\"version\":" + erased.json.get("version").asInt() + "}"), 409, null);
        assertEquals(reportBefore, specialist.get("/api/sponsorship/funds/" + fundId + "/report.csv").body, "the donor report reads the same");
        assertEquals(0, admin.post("/api/sponsorship/retention/run", "").json.get("erased").asInt(), "erased once");
        Http.Answer audit = admin.get("/api/platform/audit?action=sponsorship.application.erase&size=50");
        assertEquals(200, audit.status, audit::toString);
        assertTrue(audit.body.contains(base + "/" + id) && audit.body.contains("\"admin\""), audit.body);
        System.out.println("SponsorshipIT: retention run by the administrator: 1 application erased (names, e-mail, letter, reasons), audited;"
                + " the donor report unchanged; 403 for the Specialist");
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

    @Test
    @Order(10)
    void aFundsReceiptsComeFromTheFinanceModulesEarmarkedContributionsAndStayWithoutIt() throws Exception {
        Http.Answer installed = admin.post("/api/platform/modules/finance/install", "");
        assertEquals(200, installed.status, installed::toString);
        int year = END.getYear();
        Http.Answer pledge = specialist.post("/api/finance/contributions", "{\"year\":" + year + ",\"kind\":\"EARMARKED\",\"state\":\"NO\","
                + "\"amount\":30000,\"currency\":\"CHF\",\"purpose\":\"Sponsorship programme " + year + "\"}");
        assertEquals(201, pledge.status, pledge::toString);
        Http.Answer receipt = specialist.post("/api/finance/contributions/" + pledge.json.get("id").asLong() + "/receipts",
                "{\"receivedOn\":\"" + END + "\",\"amount\":30000,\"reference\":\"NO-SP-1\"}");
        assertEquals(201, receipt.status, receipt::toString);

        Http.Answer fund = specialist.post("/api/sponsorship/funds", "{\"donorName\":\"Norway, through the finance module\",\"currency\":\"CHF\","
                + "\"pledged\":30000,\"financePurpose\":\"sponsorship programme " + year + "\"}");
        assertEquals(201, fund.status, fund::toString);
        String path = "/api/sponsorship/funds/" + fund.json.get("id").asLong();
        assertAmount("30000", fund.json.get("balance").get("received"), "received from finance");
        Http.Answer receipts = specialist.get(path + "/receipts");
        assertEquals("finance", receipts.json.get(0).get("recordedBy").asText(), receipts.body);
        assertTrue(receipts.json.get(0).get("financeReceiptId").asLong() > 0, receipts.body);
        assertEquals(1, receipts.json.size(), "copied once: " + receipts.body);
        assertError(specialist.post(path + "/receipts", "{\"receivedOn\":\"" + END + "\",\"amount\":10}"), 409, null);

        assertEquals(200, admin.delete("/api/platform/modules/finance").status);
        assertAmount("30000", specialist.get(path).json.get("balance").get("received"), "kept when finance is uninstalled");
        assertEquals(201, specialist.post(path + "/receipts", "{\"receivedOn\":\"" + END + "\",\"amount\":10,\"note\":\"cash\"}").status,
                "typed again while finance is away");
        System.out.println("SponsorshipIT: a fund naming finance's earmarking took its 30,000 received from finance, kept it when finance left");
    }
}
