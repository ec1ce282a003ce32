package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.secretariat.it.ApiAssertions.assertError;
import static org.secretariat.it.ApiAssertions.assertKept;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The contacts module's life at runtime: release 1.0.0 (its frozen sources) holds a secretariat's states,
 * organisations, people, positions, focal points, mandates and outreach log, with the meetings module
 * beside it; contacts goes to 1.1.0 (migration V2) while staff keep reading, back to 1.0.0 and forward
 * again, then the platform restarts. Every record written under 1.0.0 reads the same after each step;
 * what 1.1.0 adds (groups, a mailing, outreach with organisations and people) survives the rollback and
 * is there again after it; 1.0.0 writes on the newer schema; and the meetings module sees the contacts
 * module's services through every step, because both use one contacts-api bundle (1.1.0). The group of the
 * heads of delegation at the last meeting is evaluated through the meetings module. After the restart,
 * up to 1.2.0 (migration V3, indexes only) with its import of people from CSV.
 * <p>
 * No SMTP server is configured here: the mailing's messages wait in the platform's outbox. MailIT delivers
 * mailings through a real SMTP server.
 */
class ContactsLifecycleIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void contacts110OnTheDataOf100UpgradedRolledBackAndForwardAgainUnderLoad() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("contacts-lifecycle-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);
        Map<String, JsonNode> written;
        Map<String, JsonNode> added;
        Ids ids = new Ids();

        try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            operate(admin, platform, "contacts/install?version=1.0.0");
            assertEquals("1.0.0", installed(admin, "contacts").get("version").asText());
            String bundles = installed(admin, "contacts").get("bundles").toString();
            assertTrue(bundles.contains("org.secretariat.contacts.api 1.1.0") && bundles.contains("org.secretariat.contacts.impl 1.0.0"),
                    "release 1.0.0 runs on the API every module ships: " + bundles);
            operate(admin, platform, "meetings/install");
            ServedProfile profile = ServedProfile.of(admin);
            Http specialist = admin.newUser("SPECIALIST");

            // Records of every kind, written under 1.0.0.
            ok(specialist.put("/api/contacts/states/FR/status", "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"depositDate\":\"2011-03-15\"}"));
            // (a deposit after the convention's own entry into force: 1.0.0 dated early depositors from their deposit, 1.1.0 does not)
            ok(specialist.put("/api/contacts/states/NO/status", "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"signatureDate\":\"2008-12-03\","
                    + "\"depositDate\":\"2015-12-03\"}"));
            ok(specialist.put("/api/contacts/states/AO/status", "{\"status\":\"SIGNATORY\",\"signatureDate\":\"2008-12-03\"}"));
            ids.ministry = created(specialist.post("/api/contacts/organisations", "{\"name\":\"Ministry of Foreign Affairs of Angola\","
                    + "\"type\":\"GOVERNMENT_MINISTRY\",\"stateIso2\":\"AO\"}"));
            ids.coalition = created(specialist.post("/api/contacts/organisations", "{\"name\":\"Cluster Munition Coalition\",\"acronym\":\"CMC\",\"type\":\"NGO\"}"));
            ids.marie = created(specialist.post("/api/contacts/people", "{\"givenName\":\"Marie\",\"familyName\":\"Dupont\",\"stateIso2\":\"FR\","
                    + "\"email\":\"marie.dupont@example.org\",\"consent\":true,\"retentionNote\":\"two years after the last meeting\"}"));
            ids.jean = created(specialist.post("/api/contacts/people", "{\"givenName\":\"Jean\",\"familyName\":\"Martin\",\"stateIso2\":\"FR\"}"));
            ids.kari = created(specialist.post("/api/contacts/people", "{\"givenName\":\"Kari\",\"familyName\":\"Nordmann\",\"stateIso2\":\"NO\","
                    + "\"email\":\"kari@example.org\",\"consent\":true}"));
            assertEquals(201, specialist.post("/api/contacts/people/" + ids.jean + "/positions", "{\"title\":\"Head of delegation\",\"stateIso2\":\"FR\"}").status);
            assertEquals(201, specialist.post("/api/contacts/people/" + ids.kari + "/positions", "{\"title\":\"Adviser\",\"organisationId\":"
                    + ids.ministry + ",\"startDate\":\"2020-01-01\"}").status);
            String theme = profile.thematicAreas().get(0);
            created(specialist.post("/api/contacts/focal-points", "{\"stateIso2\":\"FR\",\"personId\":" + ids.marie + ",\"theme\":\"" + theme + "\"}"));
            created(specialist.post("/api/contacts/focal-points", "{\"stateIso2\":\"NO\",\"personId\":" + ids.kari + ",\"theme\":\"" + theme + "\"}"));
            created(specialist.post("/api/contacts/mandates", "{\"kind\":\"PRESIDENCY\",\"stateIso2\":\"NO\",\"personId\":" + ids.kari
                    + ",\"startDate\":\"" + LocalDate.now().minusMonths(3) + "\"}"));
            created(specialist.post("/api/contacts/outreach", "{\"stateIso2\":\"AO\",\"date\":\"2024-05-02\",\"kind\":\"MEETING\",\"staff\":\"Director\","
                    + "\"summary\":\"Ratification bill before parliament\",\"nextStep\":\"Follow up in June\"}"));
            created(specialist.post("/api/contacts/outreach", "{\"stateIso2\":\"AO\",\"date\":\"2024-06-20\",\"kind\":\"CALL\",\"staff\":\"Director\","
                    + "\"summary\":\"Bill adopted\"}"));
            written = read(specialist, ids);
            assertEquals(2, written.get("outreach AO").get("total").asInt());

            // The meetings module sees the contacts module: a State's delegation is named and placed from its status.
            String meeting = "/api/meetings/" + created(admin.post("/api/meetings", "{\"type\":\"" + profile.mainMeetingType() + "\",\"number\":13,"
                    + "\"title\":\"Thirteenth Meeting of States Parties\",\"startDate\":\"" + LocalDate.now().minusDays(40) + "\",\"endDate\":\""
                    + LocalDate.now().minusDays(37) + "\",\"city\":\"Geneva\"}"));
            assertSeesContacts(specialist, meeting, "with contacts 1.0.0");
            long head = created(specialist.post(meeting + "/participants", "{\"delegationKind\":\"STATE\",\"stateIso2\":\"NO\",\"givenName\":\"Kari\","
                    + "\"familyName\":\"Nordmann\",\"email\":\"KARI@example.org\",\"role\":\"HEAD_OF_DELEGATION\"}"));
            ok(specialist.put(meeting + "/participants/" + head, "{\"givenName\":\"Kari\",\"familyName\":\"Nordmann\",\"email\":\"KARI@example.org\","
                    + "\"role\":\"HEAD_OF_DELEGATION\",\"status\":\"APPROVED\",\"version\":1}"));
            assertEquals(404, specialist.get("/api/contacts/groups").status, "1.0.0 has no groups");

            LoadClients load = new LoadClients(() -> newUser(admin, "SPECIALIST"), "/api/contacts/states?size=5", "/api/contacts/people",
                    "/api/contacts/outreach?state=AO", "/api/contacts/states/counts", "/api/contacts/mandates");
            try {
                // Up to 1.1.0: its migration runs once; everything written under 1.0.0 reads the same.
                Http.Answer plan = admin.post("/api/platform/modules/contacts/upgrade?version=1.1.0&dryRun=true", "");
                assertEquals(200, plan.status, plan::toString);
                assertTrue(plan.body.contains("contacts V2"), plan.body);
                operate(admin, platform, "contacts/upgrade?version=1.1.0");
                assertEquals("1.1.0", installed(admin, "contacts").get("version").asText());
                assertKept(written, read(specialist, ids), "after the upgrade to 1.1.0");
                assertSeesContacts(specialist, meeting, "after the upgrade to 1.1.0");

                // What 1.1.0 adds.
                added = useWhat110Adds(specialist, ids, theme, profile.mainMeetingType());
                assertKept(added, readAdded(specialist, ids), "just written");

                // Back to 1.0.0: it runs on the newer schema, reads its records as before, and still writes.
                operate(admin, platform, "contacts/rollback");
                assertEquals("1.0.0", installed(admin, "contacts").get("version").asText());
                assertKept(written, read(specialist, ids), "after the rollback to 1.0.0");
                assertEquals(404, specialist.get("/api/contacts/groups").status);
                assertSeesContacts(specialist, meeting, "after the rollback to 1.0.0");
                ids.paul = created(specialist.post("/api/contacts/people", "{\"givenName\":\"Paul\",\"familyName\":\"Written-under-1.0\",\"stateIso2\":\"AO\"}"));
                created(specialist.post("/api/contacts/outreach", "{\"stateIso2\":\"AO\",\"date\":\"2024-07-01\",\"kind\":\"LETTER\",\"staff\":\"Director\","
                        + "\"summary\":\"Letter written under 1.0.0\"}"));
                written = read(specialist, ids);

                // And forward again: what 1.1.0 had added is there, with what 1.0.0 wrote meanwhile.
                operate(admin, platform, "contacts/upgrade?version=1.1.0");
                assertEquals("1.1.0", installed(admin, "contacts").get("version").asText());
                assertKept(written, read(specialist, ids), "after upgrading again");
                assertKept(added, readAdded(specialist, ids), "after the rollback and the upgrade again");
            } finally {
                load.close();
            }
            System.out.println("contacts 1.0.0 -> 1.1.0 -> 1.0.0 -> 1.1.0: " + load.served() + " reads served, " + load.failures().size() + " failed");
            assertTrue(load.failures().isEmpty(), () -> "no read fails while contacts is upgraded and rolled back: " + load.firstFailures());
            assertTrue(load.served() > 20, "the load ran: " + load.served());
            assertFalse(output(platform).contains("Exception in"), output(platform));
            assertEquals(143, platform.terminate());
        }

        try (Distribution platform = Distribution.start(environment, folder.resolve("second-run.log"))) {
            Http again = new Http(port);
            assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
            assertEquals("1.1.0", installed(again, "contacts").get("version").asText());
            Http specialist = again.newUser("SPECIALIST");
            assertKept(written, read(specialist, ids), "after a restart");
            assertKept(added, readAdded(specialist, ids), "after a restart");

            // Up to 1.2.1 (V3 and V4: indexes only; 1.2.1 replaced 1.2.0 with paging by cursor) and its import of people; everything reads the same.
            Http.Answer plan = again.post("/api/platform/modules/contacts/upgrade?dryRun=true", "");
            assertTrue(plan.status == 200 && plan.body.contains("contacts V3"), plan::toString);
            operate(again, platform, "contacts/upgrade");
            assertEquals("1.2.1", installed(again, "contacts").get("version").asText());
            assertKept(written, read(specialist, ids), "after the upgrade to 1.2.1");
            assertKept(added, readAdded(specialist, ids), "after the upgrade to 1.2.1");
            assertEquals(1, ok(specialist.post("/api/contacts/people/import", "text/csv", "familyName,stateIso2\nWritten-by-import,AO\n"))
                    .get("imported").asInt());
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }

    /** The ids of what the test writes. */
    private static final class Ids {
        long ministry;
        long coalition;
        long marie;
        long jean;
        long kari;
        long paul;
        long staticGroup;
        long focalGroup;
        long headsGroup;
        long mailing;
    }

    /** Groups (a list, a query, the heads of delegation through meetings), a person's language, outreach with an organisation and a person, a mailing. */
    private static Map<String, JsonNode> useWhat110Adds(Http specialist, Ids ids, String theme, String meetingType) throws Exception {
        JsonNode kari = ok(specialist.get("/api/contacts/people/" + ids.kari));
        ok(specialist.put("/api/contacts/people/" + ids.kari, "{\"givenName\":\"Kari\",\"familyName\":\"Nordmann\",\"stateIso2\":\"NO\","
                + "\"email\":\"kari@example.org\",\"consent\":true,\"language\":\"fr\",\"version\":" + kari.get("version").asInt() + "}"));
        ids.staticGroup = created(specialist.post("/api/contacts/groups", "{\"name\":\"Invitees to the workshop\",\"kind\":\"STATIC\"}"));
        ok(specialist.post("/api/contacts/groups/" + ids.staticGroup + "/members", "{\"personIds\":[" + ids.marie + "," + ids.jean + "," + ids.kari + "]}"));
        ids.focalGroup = created(specialist.post("/api/contacts/groups", "{\"name\":\"National focal points for " + theme + "\",\"kind\":\"QUERY\","
                + "\"query\":{\"criterion\":\"FOCAL_POINTS\",\"theme\":\"" + theme + "\"}}"));
        ids.headsGroup = created(specialist.post("/api/contacts/groups", "{\"name\":\"Heads of delegation at the last meeting\",\"kind\":\"QUERY\","
                + "\"query\":{\"criterion\":\"HEADS_OF_DELEGATION\",\"meetingType\":\"" + meetingType + "\"}}"));
        assertError(specialist.post("/api/contacts/groups", "{\"name\":\"Mixed\",\"kind\":\"QUERY\",\"query\":{\"criterion\":\"PEOPLE\",\"theme\":\""
                + theme + "\"}}"), 400, "theme");
        JsonNode heads = ok(specialist.get("/api/contacts/groups/" + ids.headsGroup + "/members"));
        assertTrue(heads.get("available").asBoolean(), heads::toString);
        assertEquals(List.of("Kari Nordmann"), names(heads), "through the meetings module, matched by address: " + heads);
        created(specialist.post("/api/contacts/outreach", "{\"organisationId\":" + ids.coalition + ",\"date\":\"2024-08-01\",\"kind\":\"MEETING\","
                + "\"staff\":\"Director\",\"summary\":\"Joint advocacy plan\"}"));
        created(specialist.post("/api/contacts/outreach", "{\"personId\":" + ids.kari + ",\"date\":\"2024-08-02\",\"kind\":\"CALL\","
                + "\"staff\":\"Director\",\"summary\":\"Call with the President\"}"));

        // A mailing: the platform's outbox takes each message (no SMTP host is set, so they wait there, nothing lost).
        String notice = "{\"groupId\":" + ids.staticGroup + ",\"template\":\"notice\",\"texts\":[{\"language\":\"en\",\"subject\":\"Workshop\","
                + "\"body\":\"The workshop is in June.\"},{\"language\":\"fr\",\"subject\":\"Atelier\",\"body\":\"L'atelier a lieu en juin.\"}]}";
        JsonNode dry = ok(specialist.post("/api/contacts/mailings/dry-run", notice));
        assertTrue(dry.get("mailService").asBoolean(), dry::toString);
        assertEquals(1, dry.get("skippedNoConsent").asInt(), dry::toString);
        assertEquals(0, ok(specialist.get("/api/contacts/mailings")).get("total").asInt(), "a dry run records nothing");
        Http.Answer sent = specialist.post("/api/contacts/mailings", notice);
        assertEquals(201, sent.status, sent::toString);
        ids.mailing = sent.json.get("id").asLong();
        assertEquals(3, sent.json.get("recipients").asInt());
        assertEquals(2, sent.json.get("queued").asInt(), sent::toString);
        assertEquals(0, sent.json.get("failed").asInt(), sent::toString);
        assertEquals(1, sent.json.get("skipped").asInt());
        return readAdded(specialist, ids);
    }

    private static Map<String, JsonNode> readAdded(Http reader, Ids ids) throws Exception {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        seen.put("kari", ok(reader.get("/api/contacts/people/" + ids.kari)));
        seen.put("groups", ok(reader.get("/api/contacts/groups")));
        seen.put("static members", ok(reader.get("/api/contacts/groups/" + ids.staticGroup + "/members")));
        seen.put("focal points group", ok(reader.get("/api/contacts/groups/" + ids.focalGroup + "/members")));
        seen.put("heads group", ok(reader.get("/api/contacts/groups/" + ids.headsGroup + "/members")));
        seen.put("outreach coalition", ok(reader.get("/api/contacts/outreach?organisation=" + ids.coalition)));
        seen.put("outreach kari", ok(reader.get("/api/contacts/outreach?person=" + ids.kari)));
        seen.put("mailing", ok(reader.get("/api/contacts/mailings/" + ids.mailing)));
        seen.put("recipients", ok(reader.get("/api/contacts/mailings/" + ids.mailing + "/recipients")));
        assertEquals(List.of("Jean Martin", "Kari Nordmann", "Marie Dupont"), names(seen.get("static members")));
        assertEquals(List.of("Kari Nordmann", "Marie Dupont"), names(seen.get("focal points group")));
        assertEquals("fr", seen.get("kari").get("language").asText());
        return seen;
    }

    /** What a reader of 1.0.0 sees of every kind of contacts record. */
    private static Map<String, JsonNode> read(Http reader, Ids ids) throws Exception {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        seen.put("FR", ok(reader.get("/api/contacts/states/FR")));
        seen.put("AO", ok(reader.get("/api/contacts/states/AO")));
        seen.put("history FR", ok(reader.get("/api/contacts/states/FR/history")));
        seen.put("counts", ok(reader.get("/api/contacts/states/counts")));
        seen.put("parties", ok(reader.get("/api/contacts/states?status=STATE_PARTY")));
        seen.put("organisations", ok(reader.get("/api/contacts/organisations")));
        seen.put("people", ok(reader.get("/api/contacts/people?state=FR")));
        seen.put("marie", ok(reader.get("/api/contacts/people/" + ids.marie)));
        seen.put("jean", ok(reader.get("/api/contacts/people/" + ids.jean)));
        seen.put("focal points FR", ok(reader.get("/api/contacts/focal-points?state=FR")));
        seen.put("focal points NO", ok(reader.get("/api/contacts/focal-points?state=NO")));
        seen.put("mandates", ok(reader.get("/api/contacts/mandates?asOf=" + LocalDate.now())));
        seen.put("outreach AO", ok(reader.get("/api/contacts/outreach?state=AO")));
        seen.put("search", ok(reader.get("/api/contacts/search?q=dupont")));
        if (ids.paul != 0) {
            seen.put("paul", ok(reader.get("/api/contacts/people/" + ids.paul)));
        }
        return seen;
    }

    /** A State's delegation registered without its name is named from the contacts module: the meetings module sees its service. */
    private static void assertSeesContacts(Http specialist, String meeting, String when) throws Exception {
        Http.Answer registered = specialist.post(meeting + "/participants", "{\"delegationKind\":\"STATE\",\"stateIso2\":\"FR\",\"familyName\":\"Probe "
                + when + "\",\"role\":\"DELEGATE\"}");
        assertEquals(201, registered.status, () -> when + ": " + registered);
        assertEquals("France", registered.json.get("delegation").asText(), when);
        assertEquals("STATE_PARTY", registered.json.get("protocolGroup").asText(), when);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static void operate(Http admin, Distribution platform, String path) throws Exception {
        Http.Answer answer = admin.post("/api/platform/modules/" + path, "");
        assertEquals(200, answer.status, () -> "POST " + path + ": " + answer + "\n" + output(platform));
    }

    private static JsonNode installed(Http admin, String module) throws Exception {
        for (JsonNode installed : admin.get("/api/platform/modules").json.get("installed")) {
            if (module.equals(installed.get("id").asText())) {
                return installed;
            }
        }
        return fail(module + " is not installed");
    }

    private static Http newUser(Http admin, String role) {
        try {
            return admin.newUser(role);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long created(Http.Answer answer) {
        assertEquals(201, answer.status, answer::toString);
        return answer.json.get("id").asLong();
    }

    private static JsonNode ok(Http.Answer answer) {
        assertEquals(200, answer.status, answer::toString);
        return answer.json;
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
