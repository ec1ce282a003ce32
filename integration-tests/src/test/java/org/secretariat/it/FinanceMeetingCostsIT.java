package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.secretariat.it.ApiAssertions.assertError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A meeting's costs shared among the states that took part, as the finance module learns them from the
 * meetings module (its {@code MeetingAttendance} service, meetings 1.1.1 and later): only states with an approved
 * participant are assessed; the saved assessment keeps the meeting's title after the meetings module
 * is uninstalled, and finance then asks for the states instead of failing. A budget's approval by the
 * States Parties cites the meeting's decision ({@code MeetingDecisions}), checked to exist.
 */
class FinanceMeetingCostsIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void aMeetingsCostsAreAssessedOnTheStatesThatTookPart() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("finance-meeting-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        Http admin = new Http(port);
        try (Distribution platform = Distribution.start(Distribution.environment(folder.resolve("data"), port), folder.resolve("run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            for (String module : List.of("contacts", "meetings", "finance", "formula-equal")) {
                Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
                assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
            }
            Http director = admin.newUser("DIRECTOR");
            String type = ServedProfile.of(admin).mainMeetingType();
            Http.Answer created = admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"number\":14,\"title\":\"Fourteenth Meeting\","
                    + "\"startDate\":\"2026-09-07\",\"endDate\":\"2026-09-10\",\"city\":\"Geneva\"}");
            assertEquals(201, created.status, created::toString);
            long meetingId = created.json.get("id").asLong();
            String meeting = "/api/meetings/" + meetingId;
            for (String state : List.of("NO", "AT", "FR")) {
                Http.Answer delegate = admin.post(meeting + "/participants", "{\"delegationKind\":\"STATE\",\"stateIso2\":\"" + state
                        + "\",\"familyName\":\"Delegate " + state + "\"}");
                assertEquals(201, delegate.status, delegate::toString);
                if (!state.equals("FR")) { // France's delegate stays pending: France is not assessed
                    assertEquals(200, admin.put(meeting + "/participants/" + delegate.json.get("id").asLong(), "{\"familyName\":\"Delegate "
                            + state + "\",\"status\":\"APPROVED\",\"version\":1}").status);
                }
            }

            String body = "{\"amount\":25000.01,\"formula\":\"equal\",\"meeting\":" + meetingId + "}";
            Http.Answer dryRun = director.post("/api/finance/assessments?dryRun=true", body);
            assertEquals(200, dryRun.status, dryRun::toString);
            assertEquals(2026, dryRun.json.get("year").asInt(), "the meeting's year");
            assertEquals(Map.of("AT", "12500.01", "NO", "12500.00"), amounts(dryRun.json), dryRun.body);
            assertEquals(List.of("Austria", "Norway"), names(dryRun.json), "names from contacts: " + dryRun.body);
            Http.Answer saved = director.post("/api/finance/assessments", body);
            assertEquals(201, saved.status, saved::toString);
            String title = saved.json.get("meetingTitle").asText();
            assertEquals(type + " 14 Fourteenth Meeting", title);
            assertError(director.post("/api/finance/assessments", body), 409, null);
            JsonNode contributions = director.get("/api/finance/contributions?year=2026").json;
            assertEquals(2, contributions.size(), contributions.toString());
            assertEquals("Costs of " + title, contributions.get(0).get("purpose").asText());
            assertError(director.post("/api/finance/assessments?dryRun=true", body.replace(String.valueOf(meetingId), "987654")), 400, "meeting");

            // The budget the meeting approved cites its decision, checked against the meeting's decisions.
            Http.Answer decision = admin.post(meeting + "/decisions", "{\"title\":\"Budget for 2027\",\"text\":\"The meeting approved...\","
                    + "\"adoptedOn\":\"2026-09-09\"}");
            assertEquals(201, decision.status, decision::toString);
            int number = decision.json.get("number").asInt();
            Http.Answer budget = director.post("/api/finance/budgets", "{\"year\":2027,\"title\":\"Budget 2027\",\"lines\":[{\"code\":\"STAFF\",\"title\":\"Staff\",\"amount\":1000}]}");
            assertEquals(201, budget.status, budget::toString);
            String base = "/api/finance/budgets/" + budget.json.get("id").asLong();
            assertEquals(200, director.post(base + "/propose", "").status);
            assertEquals(200, director.post(base + "/approve", "").status);
            Http.Answer cited = director.post(base + "/states-parties-approval", "{\"approvedOn\":\"2026-09-09\",\"meetingId\":" + meetingId
                    + ",\"decision\":" + number + "}");
            assertEquals(200, cited.status, cited::toString);
            assertEquals("Decision " + number + ": Budget for 2027", cited.json.get("statesPartiesApproval").get("decisionTitle").asText(), cited.body);
            assertError(director.post(base + "/states-parties-approval", "{\"approvedOn\":\"2026-09-09\",\"meetingId\":" + meetingId
                    + ",\"decision\":" + (number + 5) + "}"), 400, "decision");

            // Without the meetings module: the saved assessment is whole; a new one must name its states.
            Http.Answer uninstalled = admin.delete("/api/platform/modules/meetings");
            assertEquals(200, uninstalled.status, () -> uninstalled + "\n" + output(platform));
            Http.Answer kept = director.get("/api/finance/assessments/" + saved.json.get("id").asLong());
            assertEquals(200, kept.status, kept::toString);
            assertEquals(title, kept.json.get("meetingTitle").asText());
            assertEquals(meetingId, kept.json.get("meeting").asLong());
            assertEquals(Map.of("AT", "12500.01", "NO", "12500.00"), amounts(kept.json));
            Http.Answer withoutMeetings = director.post("/api/finance/assessments?dryRun=true", body);
            assertError(withoutMeetings, 400, "meeting");
            assertEquals("the meetings module is not installed: install it, or leave meeting out and name the states in rates",
                    withoutMeetings.json.get("error").asText());
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }

    private static Map<String, String> amounts(JsonNode result) {
        Map<String, String> amounts = new java.util.HashMap<>();
        result.get("shares").forEach(share -> amounts.put(share.get("state").asText(), share.get("amount").decimalValue().setScale(2).toPlainString()));
        return amounts;
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("shares").forEach(share -> names.add(share.path("name").asText()));
        return names;
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
