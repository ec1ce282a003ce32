package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The meetings module as shipped: version 1.0.0 installed from the distribution's {@code modules/},
 * used over REST (the contract's fields and paths, uploads and downloads with checksums, bad input,
 * optimistic locking, iCalendar read back by ical4j, lists of participants), then upgraded at runtime
 * to 1.1.0, whose migration adds online participation, with every meeting and document kept, and to the
 * current version (1.2.1), whose API (1.3) is updated in place and whose migration V3 (credentials by kind,
 * invitations, the registration form) keeps every meeting and participant, rolled back to 1.1.0 and
 * upgraded again; then a restart. The contacts module installed beside it orders delegations by treaty status. Runs under
 * every shipped convention profile (the CCM's, then {@code -Dit.profile=att}): meeting types, symbols
 * and themes are expected from the profile served.
 */
@Tag(PlatformOptions.EVERY_PROFILE)
class MeetingsIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Issue 18: one bad request used to write some 300 log lines, so a flood rotated the history away.
     * 1,000 bad requests of every kind (bad JSON, wrong types, bad query parameters, unknown records,
     * another site's Origin, and the searches that once failed) leave the log under 1 MB more and its
     * earlier lines in place.
     */
    private static void floodOfBadRequestsLeavesTheLogCompact(Http admin, String type, String meeting, long documentId, Path log) throws Exception {
        long before = Files.size(log);
        String[] bodies = {"{\"type\":", "[1,2,3]", "{\"type\":\"" + type + "\",\"title\":\"x\",\"startDate\":123,\"endDate\":true}",
            "{\"type\":\"" + type + "\",\"title\":\"x\",\"startDate\":\"2011-02-30\",\"endDate\":\"2011-09-13\"}"};
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            Http.Answer answer;
            switch (i % 6) {
                case 0: answer = admin.post("/api/meetings", bodies[i / 6 % bodies.length]); break;
                case 1: answer = admin.get("/api/meetings/practice?q=" + i + "%25'&year=20" + (i % 100)); break;
                case 2: answer = admin.get("/api/meetings?upcoming=maybe&year=abc"); break;
                case 3: answer = admin.get(meeting + "/documents/" + documentId + "/en?revision=x" + i); break;
                case 4: answer = admin.get("/api/meetings/" + (900000 + i)); break;
                default: answer = admin.postWithOrigin("/api/meetings", "{}", "https://evil.example.org"); break;
            }
            assertTrue(answer.status >= 200 && answer.status < 500, () -> "a bad request is the client's error: " + answer);
            refused += answer.status >= 400 ? 1 : 0;
        }
        long growth = Files.size(log) - before;
        System.out.printf("log flood: 1000 bad requests (%d refused), the log grew by %d bytes%n", refused, growth);
        assertTrue(growth < 1024 * 1024, "the log grew by " + growth + " bytes");
        assertTrue(Files.readString(log).contains("Secretariat started"), "earlier entries are kept");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void meetingsOverRestThenAnUpgradeWithAMigrationKeepsEveryMeetingAndDocument() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("meetings-" + System.nanoTime()));
        // A small upload limit, as an administrator sets it, so the oversize case is cheap.
        Path home = Distribution.copy(folder.resolve("secretariat"), Map.of("org.secretariat.meetings.config", "maxUploadMegabytes=\"1\"\n"));
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);
        long meetingId;
        byte[] workingPaper = pdf("working paper on universalization");

        try (Distribution platform = Distribution.start(home, environment, folder.resolve("first-run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            Http.Answer installed = admin.post("/api/platform/modules/meetings/install?version=1.0.0", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
            // The convention's meeting types, symbols and themes (1.0.0 reads them through the platform's profile).
            ServedProfile profile = ServedProfile.of(admin);
            String type = profile.mainMeetingType();
            String title = "Second " + profile.meetingTypes().get(type);
            String theme = profile.thematicAreas().get(0);

            // The contract's meeting fields.
            Http.Answer created = admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"number\":2,\"title\":\"" + title + "\","
                    + "\"startDate\":\"2011-09-13\",\"endDate\":\"2011-09-16\",\"venue\":\"UN House\",\"city\":\"Beirut\"}");
            assertEquals(201, created.status, created::toString);
            for (String field : List.of("id", "type", "number", "title", "startDate", "endDate", "venue", "city", "status", "version")) {
                assertTrue(created.json.has(field), field + " in " + created.body);
            }
            assertEquals("PLANNED", created.json.get("status").asText());
            meetingId = created.json.get("id").asLong();
            int version = created.json.get("version").asInt();
            String meeting = "/api/meetings/" + meetingId;
            assertEquals(title, admin.get("/api/meetings?type=" + type + "&year=2011").json.get("items").get(0).get("title").asText());

            assertError(admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"title\":\"x\",\"startDate\":\"2011-09-13\",\"endDate\":\"2011-09-12\"}"), 400, "endDate");
            assertError(admin.post("/api/meetings", "{\"type\":\"WORKSHOP\",\"title\":\"x\",\"startDate\":\"2011-09-13\",\"endDate\":\"2011-09-13\"}"), 400, "type");
            assertError(admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"title\":\"x\",\"startDate\":\"2011-13-01\",\"endDate\":\"2011-09-13\"}"), 400, "startDate");
            // Strict JSON types: a number is not a date, 1 is not a yes.
            assertError(admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"title\":\"x\",\"startDate\":123,\"endDate\":\"2011-09-13\"}"), 400, "startDate");
            assertError(admin.get("/api/meetings?upcoming=maybe"), 400, "upcoming");
            assertError(admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"title\":\"x\",\"startDate\":\"2011-09-13\",\"endDate\":\"2011-09-13\","
                    + "\"onlineUrl\":\"https://meet.example.org\"}"), 400, "onlineUrl");
            String update = "{\"type\":\"" + type + "\",\"number\":2,\"title\":\"" + title + "\",\"startDate\":\"2011-09-13\","
                    + "\"endDate\":\"2011-09-16\",\"venue\":\"UN House\",\"city\":\"Beirut\",\"status\":\"CONVENED\",\"version\":";
            assertEquals(200, admin.put(meeting, update + version + "}").status);
            assertError(admin.put(meeting, update + version + "}"), 409, null);

            // Documents: multipart upload answers with the generated symbol; the download is byte for byte what was sent.
            Http.Answer wp1 = admin.multipart(meeting + "/documents", Map.of("title", "Universalization", "category", "WORKING_PAPER",
                    "language", "en"), "wp1.pdf", "application/pdf", workingPaper);
            assertEquals(201, wp1.status, wp1::toString);
            assertEquals(profile.symbol(type, 2, 2011, "WP", 1), wp1.json.get("symbol").asText(), profile.documentSymbolPattern());
            long documentId = wp1.json.get("id").asLong();
            assertEquals(profile.symbol(type, 2, 2011, "WP", 2), admin.multipart(meeting + "/documents", Map.of("title", "Victim assistance", "category",
                    "WORKING_PAPER", "language", "en"), "wp2.pdf", "application/pdf", pdf("second")).json.get("symbol").asText());
            assertEquals(profile.symbol(type, 2, 2011, "", 1), admin.multipart(meeting + "/documents", Map.of("title", "Provisional agenda", "category",
                    "OFFICIAL", "language", "en"), "agenda.pdf", "application/pdf", pdf("agenda")).json.get("symbol").asText());
            assertError(admin.get(meeting + "/documents/" + documentId + "/en?revision=abc"), 400, "revision");
            HttpResponse<byte[]> download = admin.bytes(meeting + "/documents/" + documentId + "/en");
            assertEquals(200, download.statusCode());
            assertArrayEquals(workingPaper, download.body());
            assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
            assertEquals(sha256(workingPaper), download.headers().firstValue("X-Content-SHA256").orElse(""));
            assertEquals("sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(workingPaper))),
                    download.headers().firstValue("Digest").orElse(""));

            Http.Answer french = admin.multipart(meeting + "/documents/" + documentId + "/files", Map.of("language", "fr"),
                    "wp1-fr.pdf", "application/pdf", pdf("document de travail"));
            assertEquals(201, french.status, french::toString);
            assertEquals(2, french.json.get("files").size(), french.body);

            byte[] tooLarge = new byte[1024 * 1024 + 10];
            System.arraycopy(workingPaper, 0, tooLarge, 0, workingPaper.length);
            assertError(admin.multipart(meeting + "/documents", Map.of("title", "Large", "category", "OFFICIAL", "language", "en"),
                    "large.pdf", "application/pdf", tooLarge), 413, "file");
            assertError(admin.multipart(meeting + "/documents", Map.of("title", "Script", "category", "OFFICIAL", "language", "en"),
                    "script.pdf", "application/pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)), 415, "file");
            assertError(admin.multipart(meeting + "/documents", Map.of("category", "OFFICIAL", "language", "en"),
                    "x.pdf", "application/pdf", pdf("x")), 400, "title");
            assertError(admin.multipart(meeting + "/documents", Map.of("title", "x", "category", "MEMO", "language", "en"),
                    "x.pdf", "application/pdf", pdf("x")), 400, "category");
            assertError(admin.multipart(meeting + "/documents", Map.of("title", "x", "category", "OFFICIAL", "language", "en"),
                    null, null, null), 400, "file");
            assertEquals(3, admin.get(meeting + "/documents").json.size(), "refused uploads leave nothing behind");

            // Agenda, decisions, the register of established practice, follow-up actions.
            assertEquals(201, admin.post(meeting + "/agenda", "{\"number\":\"1\",\"title\":\"Opening\"}").status);
            long item = admin.post(meeting + "/agenda", "{\"number\":\"10\",\"title\":\"Universalization\"}").json.get("id").asLong();
            assertEquals(List.of("1", "10"), numbers(admin.get(meeting + "/agenda").json));
            Http.Answer decision = admin.post(meeting + "/decisions", "{\"title\":\"Intersessional programme\",\"text\":\"The meeting decided...\","
                    + "\"adoptedOn\":\"2011-09-16\",\"theme\":\"" + theme + "\",\"establishedPractice\":true,\"agendaItemId\":" + item + "}");
            String themeQuery = URLEncoder.encode(theme, StandardCharsets.UTF_8);
            assertEquals(201, decision.status, decision::toString);
            assertEquals(1, decision.json.get("number").asInt());
            assertEquals(1, admin.get("/api/meetings/practice?theme=" + themeQuery + "&year=2011").json.get("total").asInt());
            assertEquals(0, admin.get("/api/meetings/practice?year=2012").json.get("total").asInt());
            // Every filter of the register and of the meetings list, alone and together (each bound as a parameter).
            assertEquals(1, admin.get("/api/meetings/practice?q=intersessional").json.get("total").asInt());
            assertEquals(1, admin.get("/api/meetings/practice?q=DECIDED").json.get("total").asInt());
            assertEquals(0, admin.get("/api/meetings/practice?q=%25'%22_").json.get("total").asInt());
            assertEquals(1, admin.get("/api/meetings/practice?theme=" + themeQuery + "&year=2011&q=programme").json.get("total").asInt());
            assertEquals(1, admin.get("/api/meetings?type=" + type + "&year=2011&q=second&upcoming=false").json.get("total").asInt());
            assertEquals(0, admin.get("/api/meetings?type=" + type + "&year=2011&q=second&upcoming=true").json.get("total").asInt());
            assertEquals(1, admin.get("/api/meetings?status=CONVENED&q=beirut").json.get("total").asInt());
            assertEquals(201, admin.post(meeting + "/actions", "{\"title\":\"Circulate the report\",\"owner\":\"Director\",\"dueDate\":\"2011-10-31\"}").status);
            assertEquals(1, admin.get("/api/meetings/actions/overdue").json.size());

            // iCalendar, read back by a calendar library.
            Http.Answer ics = admin.get(meeting + "/calendar.ics");
            assertEquals(200, ics.status);
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body));
            VEvent event = (VEvent) calendar.getComponent(Component.VEVENT);
            assertEquals(title, event.getSummary().getValue());
            assertEquals("20110913", event.getStartDate().getValue());
            assertEquals("20110917", event.getEndDate().getValue(), "DTEND is exclusive: the day after the last day");
            LocalDate start = LocalDate.now().plusMonths(2);
            assertEquals(201, admin.post("/api/meetings", "{\"type\":\"" + profile.otherMeetingType() + "\",\"title\":\"Next meeting\",\"startDate\":\"" + start
                    + "\",\"endDate\":\"" + start.plusDays(1) + "\",\"city\":\"Geneva\"}").status);
            Calendar upcoming = new CalendarBuilder().build(new StringReader(admin.get("/api/meetings/calendar.ics").body));
            assertEquals(1, upcoming.getComponents(Component.VEVENT).size(), "only meetings that have not ended");

            // Participants and the lists of participants.
            Http.Answer registered = admin.post(meeting + "/participants", "{\"delegationKind\":\"ORGANISATION\",\"delegation\":\"ICRC\","
                    + "\"givenName\":\"Ann\",\"familyName\":\"Observer\",\"role\":\"OBSERVER\"}");
            assertEquals(201, registered.status, registered::toString);
            assertEquals("PENDING", registered.json.get("status").asText());
            long participant = registered.json.get("id").asLong();
            assertEquals(200, admin.put(meeting + "/participants/" + participant, "{\"givenName\":\"Ann\",\"familyName\":\"Observer\","
                    + "\"role\":\"OBSERVER\",\"status\":\"APPROVED\",\"version\":1}").status);
            assertError(admin.put(meeting + "/participants/" + participant, "{\"familyName\":\"Observer\",\"status\":\"REJECTED\",\"version\":2}"),
                    400, "status");
            assertTrue(admin.get(meeting + "/participants/list.csv").body.contains("ICRC"));
            assertTrue(admin.get(meeting + "/participants/list.html").body.contains("<h3>ICRC</h3>"));
            HttpResponse<byte[]> list = admin.bytes(meeting + "/participants/list.pdf");
            assertEquals(200, list.statusCode());
            assertEquals("%PDF", new String(list.body(), 0, 4, StandardCharsets.US_ASCII));

            // Roles: consultants see meetings, not the participants' personal data; anonymous callers nothing.
            Http consultant = admin.newUser("CONSULTANT");
            assertEquals(200, consultant.get(meeting).status);
            assertEquals(403, consultant.get(meeting + "/participants").status);
            assertEquals(403, consultant.post(meeting + "/documents/" + documentId + "/publish", "{}").status);
            assertEquals(401, new Http(port).get("/api/meetings").status);
            assertEquals(401, new Http(port).bytes(meeting + "/documents/" + documentId + "/en").statusCode());

            // Upgrade at runtime to 1.1.0: its migration adds online participation; everything is kept.
            Http.Answer upgraded = admin.post("/api/platform/modules/meetings/upgrade?version=1.1.0", "");
            assertEquals(200, upgraded.status, () -> upgraded + "\n" + output(platform));
            assertTrue(upgraded.json.get("migrations").toString().contains("meetings V2"), upgraded.body);
            JsonNode kept = admin.get(meeting).json;
            assertEquals("CONVENED", kept.get("status").asText());
            assertEquals(3, admin.get(meeting + "/documents").json.size());
            assertArrayEquals(workingPaper, admin.bytes(meeting + "/documents/" + documentId + "/en").body());
            Http.Answer online = admin.put(meeting, update.replace("\"CONVENED\"", "\"CONCLUDED\"") + kept.get("version").asInt()
                    + ",\"onlineUrl\":\"https://meet.example.org/2msp\",\"interpretation\":[\"en\",\"fr\",\"es\"]}");
            assertEquals(200, online.status, online::toString);
            assertEquals("https://meet.example.org/2msp", online.json.get("onlineUrl").asText());
            assertError(admin.put(meeting, update + online.json.get("version").asInt() + ",\"onlineUrl\":\"javascript:alert(1)\"}"), 400, "onlineUrl");
            // 1.1.0 reads its meeting types and symbol pattern itself, from the same profile: the next symbol follows.
            Http.Answer information = admin.multipart(meeting + "/documents", Map.of("title", "List of documents", "category", "INFORMATION",
                    "language", "en"), "inf.pdf", "application/pdf", pdf("information"));
            assertEquals(201, information.status, information::toString);
            assertEquals(profile.symbol(type, 2, 2011, "INF", 1), information.json.get("symbol").asText());
            assertEquals(profile.symbol(type, 2, 2011, "WP", 3), admin.multipart(meeting + "/documents", Map.of("title", "Third paper", "category",
                    "WORKING_PAPER", "language", "en"), "wp3.pdf", "application/pdf", pdf("third")).json.get("symbol").asText());

            // With the contacts module beside it, delegations of states are named and ordered by treaty status.
            assertEquals(200, admin.post("/api/platform/modules/contacts/install", "").status);
            assertEquals(200, admin.put("/api/contacts/states/NO/status", "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\","
                    + "\"signatureDate\":\"2008-12-03\",\"depositDate\":\"2008-12-03\"}").status);
            for (String state : List.of("AF", "NO")) {
                Http.Answer delegate = admin.post(meeting + "/participants", "{\"delegationKind\":\"STATE\",\"stateIso2\":\"" + state
                        + "\",\"familyName\":\"Delegate " + state + "\"}");
                assertEquals(201, delegate.status, delegate::toString);
                assertEquals(200, admin.put(meeting + "/participants/" + delegate.json.get("id").asLong(), "{\"familyName\":\"Delegate "
                        + state + "\",\"status\":\"APPROVED\",\"version\":1}").status);
            }
            JsonNode ordered = admin.get(meeting + "/participants").json.get("items");
            assertEquals("Norway", ordered.get(0).get("delegation").asText(), ordered.toString());
            assertEquals("STATE_PARTY", ordered.get(0).get("protocolGroup").asText());
            assertEquals("Afghanistan", ordered.get(1).get("delegation").asText());
            assertEquals("OBSERVER_STATE", ordered.get(1).get("protocolGroup").asText());
            assertEquals("ICRC", ordered.get(2).get("delegation").asText());

            // Norway's credentials as 1.1 records them: received, of no kind.
            long norway = ordered.get(0).get("id").asLong();
            assertEquals(200, admin.put(meeting + "/participants/" + norway, "{\"familyName\":\"Delegate NO\",\"status\":\"APPROVED\","
                    + "\"credentialsReceived\":true,\"version\":" + ordered.get(0).get("version").asInt() + "}").status);

            // Upgrade to the current version, 1.2.1: its API (meetings-api 1.3: 1.2 for the website, 1.3 for sponsorship) replaces 1.1 in place, its migration V3
            // adds tables and columns only; every meeting and participant is kept, credentials from 1.1 read as received of unknown kind.
            int documents = admin.get(meeting + "/documents").json.size();
            int meetings = admin.get("/api/meetings").json.get("total").asInt();
            JsonNode before = admin.get(meeting + "/participants").json.get("items");
            Http.Answer current = admin.post("/api/platform/modules/meetings/upgrade", "");
            assertEquals(200, current.status, () -> current + "\n" + output(platform));
            assertEquals("1.2.1", current.json.get("to").asText());
            assertTrue(current.json.get("steps").toString().contains("update org.secretariat.meetings.api 1.1.0 -> 1.3.0"), current.body);
            assertTrue(current.json.get("migrations").toString().contains("meetings V3"), current.body);
            assertEquals(documents, admin.get(meeting + "/documents").json.size());
            assertArrayEquals(workingPaper, admin.bytes(meeting + "/documents/" + documentId + "/en").body());
            assertEquals("https://meet.example.org/2msp", admin.get(meeting).json.get("onlineUrl").asText());
            assertEquals(meetings, admin.get("/api/meetings").json.get("total").asInt(), "every meeting is kept");
            JsonNode after = admin.get(meeting + "/participants").json.get("items");
            assertEquals(before.size(), after.size(), "every participant is kept");
            for (int i = 0; i < before.size(); i++) {
                for (String field : List.of("id", "delegation", "familyName", "role", "status", "credentialsReceived", "registeredAt")) {
                    assertEquals(before.get(i).get(field), after.get(i).get(field), field + " of " + before.get(i));
                }
            }
            assertFalse(after.get(0).has("credentialsKind"), after.toString());
            assertEquals("UNKNOWN_KIND", admin.get(meeting + "/participants/credentials").json.get("delegations").get(0).get("credentials").asText());
            ObjectNode original = (ObjectNode) after.get(0).deepCopy();
            original.put("credentialsKind", "ORIGINAL");
            Http.Answer recorded = admin.put(meeting + "/participants/" + norway, original.toString());
            assertEquals(200, recorded.status, recorded::toString);
            assertTrue(admin.get(meeting).json.has("registrationClosesAt"));

            // A rollback to 1.1.0 runs on the newer schema, reads every participant, and 1.2.1 again finds the kind recorded.
            Http.Answer rolledBack = admin.post("/api/platform/modules/meetings/rollback", "");
            assertEquals(200, rolledBack.status, () -> rolledBack + "\n" + output(platform));
            assertEquals("1.1.0", rolledBack.json.get("to").asText());
            JsonNode under11 = admin.get(meeting + "/participants").json.get("items");
            assertEquals(before.size(), under11.size());
            assertTrue(under11.get(0).get("credentialsReceived").asBoolean());
            assertFalse(under11.get(0).has("credentialsKind"), "1.1 knows no kinds");
            assertFalse(admin.get(meeting).json.has("registrationClosesAt"));
            Http.Answer again = admin.post("/api/platform/modules/meetings/upgrade", "");
            assertEquals(200, again.status, () -> again + "\n" + output(platform));
            assertFalse(again.json.get("migrations").toString().contains("meetings V3"), "V3 ran once: " + again.body);
            assertEquals("ORIGINAL", admin.get(meeting + "/participants").json.get("items").get(0).get("credentialsKind").asText());

            floodOfBadRequestsLeavesTheLogCompact(admin, type, meeting, documentId, folder.resolve("data/logs/secretariat.0.log"));

            // Uninstall keeps the data and the files; installing again finds them.
            Http.Answer uninstalled = admin.delete("/api/platform/modules/meetings");
            assertEquals(200, uninstalled.status, uninstalled::toString);
            assertEquals(404, admin.get(meeting).status);
            assertEquals(200, admin.get("/api/contacts/states/NO").status, "contacts keeps the API bundle it shares with meetings");
            assertEquals(200, admin.post("/api/platform/modules/meetings/install", "").status);
            assertArrayEquals(workingPaper, admin.bytes(meeting + "/documents/" + documentId + "/en").body());
            assertEquals(3, admin.get(meeting + "/participants").json.get("total").asInt());
            assertEquals(143, platform.terminate());
        }

        try (Distribution platform = Distribution.start(home, environment, folder.resolve("second-run.log"))) {
            Http again = new Http(port);
            assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status);
            assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
            JsonNode meeting = again.get("/api/meetings/" + meetingId).json;
            assertEquals("https://meet.example.org/2msp", meeting.get("onlineUrl").asText(), output(platform));
            assertArrayEquals(workingPaper, again.bytes("/api/meetings/" + meetingId + "/documents/1/en").body());
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }

    private static List<String> numbers(JsonNode agenda) {
        List<String> numbers = new ArrayList<>();
        agenda.forEach(item -> numbers.add(item.get("number").asText()));
        return numbers;
    }


    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
