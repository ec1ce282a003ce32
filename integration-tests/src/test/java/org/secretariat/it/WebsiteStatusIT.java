package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public website's status of the convention and status of contributions over the distribution,
 * one platform for the class: contacts, website, finance and the equal-shares formula installed at
 * runtime over REST. A state that deposited its instrument on 2011-03-15 is on /en/status with that
 * date and its entry into force by the profile's rule (CCM: 2011-09-01), coloured as a State Party on
 * the map; a later change shows without a restart. A table of contributions published by the Director
 * is on /en/contributions for anyone; a year not published is a 404. Without contacts, /en/status is
 * a 404 and the home page answers 200 without the status block.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebsiteStatusIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** The cache keeps a page at most 5 s when the module feeding it posts no event (contacts, finance). */
    private static final Duration FRESH = Duration.ofSeconds(12);
    private static final LocalDate DEPOSIT = LocalDate.of(2011, 3, 15);
    private static final int YEAR = Year.now().getValue();

    private Distribution platform;
    private Http admin;
    private Http anonymous;
    private ServedProfile profile;

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("website-status-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        platform = Distribution.start(Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        anonymous = new Http(port);
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        for (String module : List.of("contacts", "website", "finance", "formula-equal")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
        }
        Http.Answer ready = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, ready.status, () -> "every component satisfied: " + ready);
        profile = ServedProfile.of(admin);
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.terminate();
        }
    }

    @Test
    @Order(1)
    void theStatusPageShowsAStatePartyWithItsDepositAndEntryIntoForceColouredOnTheMap() throws Exception {
        Http.Answer recorded = admin.put("/api/contacts/states/FR/status",
                "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"signatureDate\":\"2008-12-03\",\"depositDate\":\"" + DEPOSIT + "\"}");
        assertEquals(200, recorded.status, recorded::toString);
        LocalDate inForce = profile.entryIntoForce(DEPOSIT);
        assertEquals(inForce.toString(), recorded.json.get("entryIntoForce").asText());
        assertEquals(200, admin.put("/api/contacts/states/AO/status", "{\"status\":\"SIGNATORY\",\"signatureDate\":\"2008-12-03\"}").status);

        Http.Answer page = anonymous.get("/en/status");
        assertEquals(200, page.status, page::toString);
        String html = page.body;
        assertTrue(html.contains("<th scope=\"row\">France</th><td>Ratification</td><td><time datetime=\"2008-12-03\">"), html);
        assertTrue(html.contains("<time datetime=\"2011-03-15\">"), "the deposit");
        assertTrue(html.contains("<time datetime=\"" + inForce + "\">"), "entry into force by " + profile.entryIntoForce());
        if ("first-day-of-month-after:6".equals(profile.entryIntoForce())) {
            assertEquals(LocalDate.of(2011, 9, 1), inForce, "the CCM's rule");
            assertTrue(html.contains("<time datetime=\"2011-09-01\">1 September 2011</time>"), html);
        }
        // the convention's own date is the profile's conventionEntryIntoForce (the distribution's CCM and ATT profiles give one)
        LocalDate convention = profile.conventionEntryIntoForce();
        assertTrue(html.contains("The Convention entered into force on <time datetime=\"" + convention + "\">"), "the profile's date");
        assertEquals("state-party", mapClass(html, "France"));
        assertEquals("signatory", mapClass(html, "Angola"));
        assertEquals("not-party", mapClass(html, "Norway"));
        assertTrue(html.contains("role=\"img\"") && html.contains("<title id=\"status-map-title\">"), "the map is an image with a title");
        assertFalse(html.contains("style="), "no style attribute: the CSP forbids them");
        assertFalse(html.contains("<script"), "no script");
        System.out.println("/en/status: " + html.length() + " bytes");
        assertTrue(html.length() < 200_000, "page weight " + html.length());
        assertTrue(anonymous.get("/fr/status").body.contains("<time datetime=\"2011-03-15\">15 mars 2011</time>"), "dates in the page's language");

        Http.Answer home = anonymous.get("/en/");
        assertEquals(200, home.status);
        assertTrue(home.body.contains("id=\"home-status\"") && home.body.contains("<li>States Parties: 1</li>"), home.body);
        assertTrue(home.body.contains("<a href=\"/en/status\">Status of the Convention</a>"), "in the navigation");
        assertTrue(anonymous.get("/sitemap.xml").body.contains("/en/status</loc>"));

        // A change shows without a restart, although contacts posts no event.
        assertEquals(200, admin.put("/api/contacts/states/NO/status",
                "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"signatureDate\":\"2008-12-03\",\"depositDate\":\"2008-12-03\"}").status);
        String later = awaitContaining("/en/status", "<th scope=\"row\">Norway</th>");
        assertEquals("state-party", mapClass(later, "Norway"));
    }

    @Test
    @Order(2)
    void thePublishedStatusOfContributionsIsPublicAndAYearNotPublishedIsNotFound() throws Exception {
        Http.Answer before = anonymous.get("/en/contributions");
        assertEquals(200, before.status, before::toString);
        assertTrue(before.body.contains("No status of contributions has been published yet."), before.body);

        Http director = admin.newUser("DIRECTOR");
        Http.Answer assessed = director.post("/api/finance/assessments", "{\"year\":" + YEAR + ",\"amount\":3000,\"formula\":\"equal\","
                + "\"rates\":[{\"state\":\"FR\",\"rate\":1},{\"state\":\"NO\",\"rate\":1},{\"state\":\"AT\",\"rate\":1}]}");
        assertEquals(201, assessed.status, assessed::toString);
        long contributionOfFrance = director.get("/api/finance/contributions?year=" + YEAR + "&state=FR").json.get(0).get("id").asLong();
        assertEquals(201, director.post("/api/finance/contributions/" + contributionOfFrance + "/receipts",
                "{\"receivedOn\":\"" + LocalDate.now() + "\",\"amount\":400}").status);
        Http.Answer published = director.post("/api/finance/publications?year=" + YEAR, "");
        assertEquals(201, published.status, published::toString);

        String html = awaitContaining("/en/contributions", "<h1>Status of contributions " + YEAR + "</h1>");
        assertTrue(html.contains("<th scope=\"row\">France</th><td class=\"num\">1,000.00</td><td class=\"num\">400.00</td>"
                + "<td class=\"num\">600.00</td><td class=\"num\">0.00</td><td>Partly paid</td>"), html);
        assertTrue(html.contains("<th scope=\"row\">Austria</th>") && html.contains("<th scope=\"row\">Norway</th>"), html);
        assertTrue(html.contains("Amounts in CHF."), html);
        assertEquals(200, anonymous.get("/en/contributions?year=" + YEAR).status);
        assertEquals(404, anonymous.get("/en/contributions?year=" + (YEAR - 1)).status, "a year never published");
        assertEquals(404, anonymous.get("/en/contributions?year=soon").status);
        assertTrue(anonymous.get("/es/contributions").body.contains("<td>Pagado en parte</td>"), "in the page's language");
        assertTrue(anonymous.get("/en/").body.contains("<a href=\"/en/contributions\">Status of contributions</a>"), "in the navigation");
    }

    @Test
    @Order(3)
    void withoutContactsTheStatusPageIsGoneAndTheRestOfTheSiteAnswers() throws Exception {
        Http.Answer uninstalled = admin.delete("/api/platform/modules/contacts");
        assertEquals(200, uninstalled.status, () -> uninstalled + "\n" + output());
        assertEquals(404, anonymous.get("/en/status").status);
        Http.Answer home = anonymous.get("/en/");
        assertEquals(200, home.status, home::toString);
        assertFalse(home.body.contains("home-status"), "no status block: " + home.body);
        assertFalse(home.body.contains("href=\"/en/status\""), "no navigation entry");
        assertFalse(anonymous.get("/sitemap.xml").body.contains("/en/status</loc>"));
        Http.Answer contributions = anonymous.get("/en/contributions");
        assertEquals(200, contributions.status, "finance's page stays");
        assertTrue(contributions.body.contains("<th scope=\"row\">France</th>"), "named by the JDK without contacts");
        // Health may answer 503 for a moment while the REST application is rebuilt without contacts' resources.
        Http.Answer health = admin.await("/api/platform/health", 200, Duration.ofSeconds(30));
        assertEquals(200, health.status, health::toString);

        Http.Answer uninstalledFinance = admin.delete("/api/platform/modules/formula-equal");
        assertEquals(200, uninstalledFinance.status, uninstalledFinance::toString);
        assertEquals(200, admin.delete("/api/platform/modules/finance").status);
        assertEquals(404, anonymous.get("/en/contributions").status);
        assertEquals(200, anonymous.get("/en/").status);
        assertFalse(output().contains("Exception in"), output());
    }

    /** The page once it contains the text: the cache lets a change through within 5 s. */
    private String awaitContaining(String path, String text) throws Exception {
        long deadline = System.nanoTime() + FRESH.toNanos();
        Http.Answer page = anonymous.get(path);
        while (!page.body.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            page = anonymous.get(path);
        }
        assertTrue(page.body.contains(text), () -> "no " + text + " in " + path + " within " + FRESH);
        return page.body;
    }

    /** The class of the map's path titled with this name. */
    private static String mapClass(String html, String name) {
        Matcher matcher = Pattern.compile("<path class=\"([a-z-]+)\" d=\"[^\"]+\"><title>" + Pattern.quote(name) + "</title></path>").matcher(html);
        assertTrue(matcher.find(), name + " on the map");
        return matcher.group(1);
    }

    private String output() {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
