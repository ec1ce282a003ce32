package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.secretariat.it.ApiAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Contacts and States module as an administrator gets it: shipped in the distribution's
 * {@code modules/}, installed at runtime over REST, used over REST by staff of different roles, and
 * its data kept across a restart and across an uninstall and a new install. Runs under every shipped
 * convention profile (the CCM's, then {@code -Dit.profile=att}): what depends on the treaty (entry into
 * force, themes) is expected from the profile served.
 */
@Tag(PlatformOptions.EVERY_PROFILE)
class ContactsIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String UNTC_HEADER = "Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)\"\n";

    @Test
    void statesStatusImportContactsAndMandatesOverRestSurviveRestartAndReinstall() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("contacts-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);
        long organisationId;
        long personId;
        LocalDate franceInForce;

        try (Distribution platform = Distribution.start(environment, folder.resolve("first-run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            Http.Answer available = admin.get("/api/platform/modules");
            assertTrue(available.body.contains("\"id\":\"contacts\""), "the distribution offers contacts: " + available.body);
            Http.Answer installed = admin.post("/api/platform/modules/contacts/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
            ServedProfile profile = ServedProfile.of(admin);

            // Every ISO 3166 state is there, with names in the working languages.
            Http.Answer states = admin.get("/api/contacts/states?size=1");
            assertEquals(200, states.status, states::toString);
            assertTrue(states.json.get("total").asInt() >= 240, states.body);
            Http.Answer france = admin.get("/api/contacts/states/FR?lang=fr");
            assertEquals("France", france.json.get("name").asText());
            assertEquals("Francia", france.json.get("names").get("es").asText());
            assertEquals("Allemagne", admin.get("/api/contacts/states/de?lang=fr").json.get("name").asText(), "codes in any case");

            // The contract's status change; entry into force by the treaty's rule (CCM art. 17: the first day of the sixth
            // month after the month of deposit, 2011-09-01; ATT art. 22: ninety days following the deposit, 2011-06-13).
            Http.Answer changed = admin.put("/api/contacts/states/FR/status",
                    "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"signatureDate\":null,\"depositDate\":\"2011-03-15\"}");
            assertEquals(200, changed.status, changed::toString);
            franceInForce = profile.entryIntoForce(LocalDate.of(2011, 3, 15));
            assertEquals(franceInForce.toString(), changed.json.get("entryIntoForce").asText(), profile.entryIntoForce());
            assertEquals(franceInForce.toString(), admin.get("/api/contacts/states/FR").json.get("entryIntoForce").asText());
            Http.Answer yearBoundary = admin.put("/api/contacts/states/NO/status",
                    "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"signatureDate\":\"2008-12-03\",\"depositDate\":\"2015-12-03\"}");
            LocalDate norwayInForce = profile.entryIntoForce(LocalDate.of(2015, 12, 3));
            assertEquals(2016, norwayInForce.getYear(), "a December deposit enters into force the next year: " + norwayInForce);
            assertEquals(norwayInForce.toString(), yearBoundary.json.get("entryIntoForce").asText(), profile.entryIntoForce());
            // Norway among the first depositors: bound from the convention's own entry into force, not from its deposit.
            Http.Answer early = admin.put("/api/contacts/states/NO/status",
                    "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"signatureDate\":\"2008-12-03\",\"depositDate\":\"2008-12-03\"}");
            assertNotNull(profile.conventionEntryIntoForce(), "the shipped profiles give the convention's own date");
            assertEquals(profile.conventionEntryIntoForce().toString(), early.json.get("entryIntoForce").asText(), early::toString);

            assertError(admin.put("/api/contacts/states/FR/status", "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"depositDate\":\"2011-02-30\"}"),
                    400, "depositDate");
            assertError(admin.put("/api/contacts/states/FR/status", "{\"status\":\"MEMBER\",\"depositDate\":\"2011-03-15\"}"), 400, "status");
            assertError(admin.put("/api/contacts/states/FR/status", "{\"status\":\"SIGNATORY\"}"), 400, "signatureDate");
            assertError(admin.put("/api/contacts/states/FR/status", "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\",\"depositDate\":\""
                    + LocalDate.now().plusDays(3) + "\"}"), 400, "depositDate");
            assertError(admin.put("/api/contacts/states/XX/status", "{\"status\":\"NOT_PARTY\"}"), 404, null);
            int version = admin.get("/api/contacts/states/FR").json.get("version").asInt();
            assertError(admin.put("/api/contacts/states/FR/status", "{\"status\":\"STATE_PARTY\",\"instrument\":\"ACCESSION\",\"depositDate\":\"2011-03-15\",\"version\":"
                    + (version - 1) + "}"), 409, null);
            assertEquals("STATE_PARTY", admin.get("/api/contacts/states?status=STATE_PARTY&q=fran").json.get("items").get(0).get("status").asText());

            JsonNode history = admin.get("/api/contacts/states/FR/history").json;
            assertEquals(1, history.get("total").asInt(), "one change so far, refused ones leave no trace: " + history);
            assertEquals("admin", history.get("items").get(0).get("changedBy").asText());

            // CSV import: a file with bad rows changes nothing and names each bad line.
            String bad = UNTC_HEADER + "Afghanistan,,\"8 Sep 2011 a\"\nNarnia,3 Dec 2008,\nAngola,31 Feb 2009,\n";
            Http.Answer refused = admin.post("/api/contacts/states/import", "text/csv", bad);
            assertEquals(400, refused.status, refused::toString);
            JsonNode errors = refused.json.get("report").get("errors");
            assertEquals(2, errors.size(), refused.body);
            assertEquals(3, errors.get(0).get("line").asInt());
            assertEquals("state", errors.get(0).get("field").asText());
            assertEquals(4, errors.get(1).get("line").asInt());
            assertEquals("NOT_PARTY", admin.get("/api/contacts/states/AF").json.get("status").asText(), "nothing half-imported");
            assertError(admin.post("/api/contacts/states/import", "text/csv", "just,some\ncells,here\n"), 400, "file");

            String good = UNTC_HEADER + "Afghanistan,,\"8 Sep 2011 a\"\nAngola,3 Dec 2008,\nFrance,,15 Mar 2011\n";
            Http.Answer dryRun = admin.post("/api/contacts/states/import?dryRun=true", "text/csv", good);
            assertEquals(200, dryRun.status, dryRun::toString);
            assertEquals(2, dryRun.json.get("changes").size(), dryRun.body);
            assertEquals(1, dryRun.json.get("unchanged").asInt());
            assertEquals("NOT_PARTY", admin.get("/api/contacts/states/AF").json.get("status").asText(), "a dry run changes nothing");
            Http.Answer imported = admin.post("/api/contacts/states/import", "text/csv", good);
            assertEquals(200, imported.status, imported::toString);
            assertEquals("ACCESSION", admin.get("/api/contacts/states/AF").json.get("instrument").asText());
            assertEquals("SIGNATORY", admin.get("/api/contacts/states/AO").json.get("status").asText());
            Http.Answer export = admin.get("/api/contacts/states/export.csv");
            assertTrue(export.body.contains("\"Afghanistan\",\"AF\",\"\",\"8 Sep 2011 a\""), export.body);

            JsonNode counts = new Http(port).get("/api/contacts/states/counts").json;
            assertEquals(3, counts.get("stateParties").asInt(), "counts are public: " + counts);
            assertEquals(1, counts.get("signatories").asInt());

            // Organisations and people, with the API's validation.
            assertError(admin.post("/api/contacts/organisations", "{\"name\":\"\",\"type\":\"NGO\"}"), 400, "name");
            assertError(admin.post("/api/contacts/organisations", "{\"name\":\"CMC\",\"type\":\"CLUB\"}"), 400, "type");
            Http.Answer organisation = admin.post("/api/contacts/organisations",
                    "{\"name\":\"Cluster Munition Coalition\",\"acronym\":\"CMC\",\"type\":\"NGO\",\"website\":\"https://www.stopclustermunitions.org\"}");
            assertEquals(201, organisation.status, organisation::toString);
            organisationId = organisation.json.get("id").asLong();
            assertError(admin.post("/api/contacts/people", "{\"familyName\":\"Dupont\",\"email\":\"marie@example.org\"}"), 400, "consent");
            assertError(admin.post("/api/contacts/people", "{\"familyName\":\"Dupont\",\"email\":\"not-an-address\",\"consent\":true}"), 400, "email");
            Http.Answer person = admin.post("/api/contacts/people", "{\"honorific\":\"Ms\",\"givenName\":\"Marie\",\"familyName\":\"Dupont\","
                    + "\"email\":\"marie@example.org\",\"consent\":true,\"stateIso2\":\"fr\",\"retentionNote\":\"until the end of her mandate\"}");
            assertEquals(201, person.status, person::toString);
            personId = person.json.get("id").asLong();
            assertEquals("FR", person.json.get("stateIso2").asText());
            assertEquals(201, admin.post("/api/contacts/people/" + personId + "/positions",
                    "{\"title\":\"Head of delegation\",\"stateIso2\":\"FR\",\"startDate\":\"2020-01-01\"}").status);
            int personVersion = admin.get("/api/contacts/people/" + personId).json.get("version").asInt();
            assertError(admin.put("/api/contacts/people/" + personId, "{\"familyName\":\"Durand\",\"version\":" + (personVersion + 5) + "}"), 409, null);
            assertEquals(201, admin.post("/api/contacts/focal-points", "{\"stateIso2\":\"FR\",\"personId\":" + personId
                    + ",\"theme\":\"" + profile.thematicAreas().get(profile.thematicAreas().size() - 1) + "\"}").status);
            assertError(admin.post("/api/contacts/focal-points", "{\"stateIso2\":\"FR\",\"personId\":" + personId + ",\"theme\":\"Gardening\"}"), 400, "theme");
            assertEquals(409, admin.delete("/api/contacts/people/" + personId).status, "a focal point cannot vanish silently");

            // Mandates as of a date.
            assertEquals(201, admin.post("/api/contacts/mandates", "{\"kind\":\"PRESIDENCY\",\"stateIso2\":\"NO\",\"personId\":" + personId
                    + ",\"startDate\":\"2010-11-12\",\"endDate\":\"2011-09-15\"}").status);
            assertEquals(201, admin.post("/api/contacts/mandates", "{\"kind\":\"PRESIDENCY\",\"stateIso2\":\"FR\",\"startDate\":\"2011-09-16\",\"endDate\":\"2012-09-10\"}").status);
            assertError(admin.post("/api/contacts/mandates", "{\"kind\":\"COORDINATOR\",\"personId\":" + personId + ",\"startDate\":\"2011-01-01\"}"), 400, "theme");
            JsonNode presidency2011 = admin.get("/api/contacts/mandates?kind=PRESIDENCY&asOf=2011-06-01").json;
            assertEquals(1, presidency2011.get("total").asInt(), presidency2011.toString());
            assertEquals("NO", presidency2011.get("items").get(0).get("stateIso2").asText());
            assertEquals("FR", admin.get("/api/contacts/mandates?asOf=2012-01-01").json.get("items").get(0).get("stateIso2").asText());

            // Outreach log per state.
            assertEquals(201, admin.post("/api/contacts/outreach", "{\"stateIso2\":\"AO\",\"date\":\"2024-05-02\",\"kind\":\"MEETING\","
                    + "\"staff\":\"Director\",\"summary\":\"Ratification bill before parliament\",\"nextStep\":\"Follow up in June\"}").status);
            assertError(admin.post("/api/contacts/outreach", "{\"stateIso2\":\"AO\",\"date\":\"2024-05-02\",\"kind\":\"MEETING\",\"staff\":\"Director\"}"),
                    400, "summary");
            assertEquals(1, admin.get("/api/contacts/outreach?state=AO").json.get("total").asInt());

            // Search across names.
            JsonNode found = admin.get("/api/contacts/search?q=dupo").json;
            assertEquals("Marie Dupont", found.get("items").get(0).get("name").asText(), found.toString());
            assertEquals("PERSON", found.get("items").get(0).get("kind").asText());
            assertEquals("FR", admin.get("/api/contacts/search?q=franc").json.get("items").get(0).get("iso2").asText());
            // One paged list across kinds: states first, then organisations, then people.
            assertEquals(201, admin.post("/api/contacts/organisations", "{\"name\":\"Comité national du Mali\",\"type\":\"GOVERNMENT_MINISTRY\"}").status);
            assertEquals(201, admin.post("/api/contacts/people", "{\"givenName\":\"Amadou\",\"familyName\":\"Malick\"}").status);
            JsonNode all = admin.get("/api/contacts/search?q=mali&size=50").json;
            assertEquals(all.get("total").asInt(), all.get("items").size(), all::toString);
            List<String> kinds = new java.util.ArrayList<>();
            all.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
            assertEquals(List.of("STATE", "STATE", "ORGANISATION", "PERSON"), kinds, all.toString());
            JsonNode second = admin.get("/api/contacts/search?q=mali&page=1&size=2").json;
            assertEquals(List.of("ORGANISATION", "PERSON"), List.of(second.get("items").get(0).get("kind").asText(),
                    second.get("items").get(1).get("kind").asText()), "the second page starts where the first ended: " + second);

            // Roles: anonymous callers are refused; a consultant reads states but not people's personal data.
            assertEquals(401, new Http(port).get("/api/contacts/states").status);
            assertEquals(401, new Http(port).get("/api/contacts/people").status);
            Http consultant = admin.newUser("CONSULTANT");
            assertEquals(200, consultant.get("/api/contacts/states").status);
            assertEquals(403, consultant.get("/api/contacts/people").status);
            assertEquals(403, consultant.put("/api/contacts/states/FR/status", "{\"status\":\"NOT_PARTY\"}").status);
            Http assistant = admin.newUser("ASSISTANT");
            assertEquals(200, assistant.get("/api/contacts/people").status);

            // People imported from CSV (1.2.0): all rows or none, a wrong row named by line and field, one audit event.
            long peopleBefore = admin.get("/api/contacts/people?size=1").json.get("total").asLong();
            String header = "familyName,givenName,email,consent,stateIso2,language\n";
            Http.Answer badImport = assistant.post("/api/contacts/people/import", "text/csv",
                    header + "Nakamura,Yuki,yuki@example.org,true,JP,en\nOkafor,Chinedu,not-an-address,true,NG,\n");
            assertError(badImport, 400, "email");
            assertTrue(badImport.json.get("error").asText().startsWith("line 3: "), badImport::toString);
            assertError(assistant.post("/api/contacts/people/import", "text/csv", "familyName,shoeSize\nNakamura,42\n"), 400, "header");
            assertEquals(peopleBefore, admin.get("/api/contacts/people?size=1").json.get("total").asLong(), "nothing written by a refused file");
            assertEquals(403, consultant.post("/api/contacts/people/import", "text/csv", header + "Nakamura,Yuki,,,JP,\n").status);
            Http.Answer importedPeople = assistant.post("/api/contacts/people/import", "text/csv",
                    header + "Nakamura,Yuki,yuki@example.org,true,jp,en\nOkafor,Chinedu,,,NG,\n\"O'Brien, Jr.\",Seán,,false,,fr\n");
            assertEquals(200, importedPeople.status, importedPeople::toString);
            assertEquals(3, importedPeople.json.get("imported").asInt(), importedPeople::toString);
            JsonNode nakamura = admin.get("/api/contacts/people?q=nakamura").json.get("items").get(0);
            assertEquals("Yuki Nakamura", nakamura.get("name").asText());
            assertEquals("JP", nakamura.get("stateIso2").asText());
            assertEquals(peopleBefore + 3, admin.get("/api/contacts/people?size=1").json.get("total").asLong());
            // 1.2.1: the people by cursor, each once, in the numbered pages' order, without a total.
            List<Long> numberedIds = new ArrayList<>();
            admin.get("/api/contacts/people?size=500&sort=familyName,desc").json.get("items").forEach(p -> numberedIds.add(p.get("id").asLong()));
            List<Long> walkedIds = new ArrayList<>();
            String after = "";
            while (after != null) {
                JsonNode page = admin.get("/api/contacts/people?size=2&sort=familyName,desc&after=" + after).json;
                assertFalse(page.has("total"), page::toString);
                page.get("items").forEach(p -> walkedIds.add(p.get("id").asLong()));
                after = page.has("next") ? page.get("next").asText() : null;
            }
            assertEquals(numberedIds, walkedIds);
            assertError(admin.get("/api/contacts/people?after=not-a-cursor"), 400, "after");
            JsonNode importEvents = admin.get("/api/platform/audit?entity=/api/contacts/people/import&outcome=200").json;
            assertEquals(1, importEvents.get("total").asInt(), "one audit event for the import, not one per person: " + importEvents);
            assertTrue(importEvents.get("items").get(0).get("detail").asText().contains("\"imported\":3"), importEvents::toString);

            assertEquals(143, platform.terminate());
        }

        // Restart: the module and every record are still there.
        try (Distribution platform = Distribution.start(environment, folder.resolve("second-run.log"))) {
            Http again = new Http(port);
            assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status);
            assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
            assertEquals(franceInForce.toString(), again.get("/api/contacts/states/FR").json.get("entryIntoForce").asText(), output(platform));
            assertEquals("Cluster Munition Coalition", again.get("/api/contacts/organisations/" + organisationId).json.get("name").asText());

            // Uninstall keeps the data; installing again finds it.
            Http.Answer uninstalled = again.delete("/api/platform/modules/contacts");
            assertEquals(200, uninstalled.status, uninstalled::toString);
            assertEquals(404, again.get("/api/contacts/states/FR").status);
            assertEquals(200, again.post("/api/platform/modules/contacts/install", "").status);
            assertEquals("Dupont", again.get("/api/contacts/people/" + personId).json.get("familyName").asText());
            assertEquals(3, again.get("/api/contacts/states/counts").json.get("stateParties").asInt());
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }



    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
