package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.secretariat.it.ApiAssertions.assertKept;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The finance module's life at runtime, as an administrator lives it: the cost-sharing formula modules
 * are uninstalled and installed again, round after round, while staff clients keep reading the finance
 * endpoints — no request fails, and each formula works again once back. Then finance itself goes from
 * release 1.0.0 (its frozen sources) to the current release, back to 1.0.0 and forward again, under the
 * same load: every record written under 1.0.0 (budget, scale, assessment with its shares, contributions,
 * receipts, the status they make) reads the same after each step and after a restart. Last, a commitment
 * made under the current release (1.2.0) is kept through a step back to 1.1.0 and forward again.
 */
class FinanceLifecycleIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int SWAP_ROUNDS = 4;
    private static final String WORKED_EXAMPLE = "{\"year\":2026,\"amount\":100000,\"formula\":\"%s\",\"parameters\":{\"ceiling\":40,\"floor\":1},"
            + "\"rates\":[{\"state\":\"A\",\"rate\":4.000},{\"state\":\"B\",\"rate\":1.000},{\"state\":\"C\",\"rate\":0.500},"
            + "{\"state\":\"D\",\"rate\":0.010},{\"state\":\"E\",\"rate\":0.001}]}";

    @Test
    void formulasSwapUnderLoadAndAnUpgradeKeepsEveryRecord() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("finance-lifecycle-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);
        Map<String, JsonNode> written;

        try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            operate(admin, platform, "finance/install?version=1.0.0");
            assertEquals("1.0.0", installedVersion(admin, "finance"));
            operate(admin, platform, "formula-scale/install");
            operate(admin, platform, "formula-equal/install");
            Http director = admin.newUser("DIRECTOR");
            Http specialist = admin.newUser("SPECIALIST");

            // Records of every kind, written under 1.0.0.
            long budget = created(specialist.post("/api/finance/budgets", "{\"year\":2026,\"title\":\"Work plan and budget 2026\",\"lines\":["
                    + "{\"code\":\"1\",\"title\":\"Staff\",\"amount\":420000},{\"code\":\"2\",\"title\":\"Travel\",\"amount\":35000.50}]}"));
            assertEquals(200, specialist.post("/api/finance/budgets/" + budget + "/propose", "").status);
            assertEquals(200, director.post("/api/finance/budgets/" + budget + "/approve", "").status);
            created(specialist.post("/api/finance/budgets", "{\"year\":2027,\"title\":\"Draft 2027\",\"lines\":[{\"code\":\"1\",\"title\":\"Staff\",\"amount\":430000}]}"));
            Http.Answer imported = specialist.post("/api/finance/scales/import?from=2026&to=2027", "text/csv",
                    "state,rate\nA,4.000\nB,1.000\nC,0.500\nD,0.010\nE,0.001\n");
            assertEquals(200, imported.status, imported::toString);
            ok(specialist.post("/api/finance/scales/rates", "{\"state\":\"E\",\"fromYear\":2026,\"toYear\":2026,\"rate\":0.002,\"note\":\"corrected\"}"));
            long assessment = created(director.post("/api/finance/assessments", String.format(WORKED_EXAMPLE, "scale")));
            long voluntary = created(specialist.post("/api/finance/contributions",
                    "{\"year\":2026,\"kind\":\"EARMARKED\",\"donor\":\"A foundation\",\"amount\":5000,\"purpose\":\"sponsorship\",\"pledgedOn\":\"2026-02-01\"}"));
            String today = LocalDate.now().toString();
            created(specialist.post("/api/finance/contributions/" + voluntary + "/receipts",
                    "{\"receivedOn\":\"" + today + "\",\"amount\":2500,\"reference\":\"BANK-V-1\"}"));
            JsonNode contributions = specialist.get("/api/finance/contributions?year=2026").json;
            for (JsonNode contribution : contributions) {
                if ("B".equals(contribution.path("state").asText())) {
                    created(specialist.post("/api/finance/contributions/" + contribution.get("id").asLong() + "/receipts",
                            "{\"receivedOn\":\"" + today + "\",\"amount\":10000,\"reference\":\"BANK-B-1\"}"));
                }
            }
            written = read(specialist, budget, assessment);
            assertEquals("PARTLY_PAID", state(written.get("status"), "B").get("status").asText(), written.get("status").toString());

            // The formulas come and go while staff read the finance endpoints.
            LoadClients load = new LoadClients(() -> newUser(admin, "SPECIALIST"),
                    "/api/finance/formulas", "/api/finance/contributions/status?year=2026",
                    "/api/finance/assessments/" + assessment, "/api/finance/budgets?year=2026");
            try {
                for (int round = 1; round <= SWAP_ROUNDS; round++) {
                    operate(admin, platform, "formula-scale", "DELETE");
                    assertEquals(List.of("equal"), names(specialist.get("/api/finance/formulas").json));
                    operate(admin, platform, "formula-equal", "DELETE");
                    assertEquals(0, specialist.get("/api/finance/formulas").json.size());
                    operate(admin, platform, "formula-scale/install");
                    assertEquals(amountsOfTheWorkedExample(),
                            amounts(specialist.post("/api/finance/assessments?dryRun=true", String.format(WORKED_EXAMPLE, "scale")).json),
                            "the scale formula works again after round " + round);
                    operate(admin, platform, "formula-equal/install");
                    assertEquals(List.of("equal", "scale"), names(specialist.get("/api/finance/formulas").json));
                }
            } finally {
                load.close();
            }
            System.out.println("formula swaps: " + SWAP_ROUNDS * 4 + " module operations, " + load.served() + " reads served, " + load.failures().size() + " failed");
            assertTrue(load.failures().isEmpty(), () -> "no read fails while the formulas are swapped: " + load.firstFailures());
            assertTrue(load.served() > 50, "the load ran: " + load.served());
            assertKept(written, read(specialist, budget, assessment), "after the formula swaps");

            // Finance itself: 1.0.0 -> current -> 1.0.0 -> current, under the same kind of load.
            LoadClients upgradeLoad = new LoadClients(() -> newUser(admin, "SPECIALIST"),
                    "/api/finance/contributions/status?year=2026", "/api/finance/assessments/" + assessment,
                    "/api/platform/profile");
            String current;
            try {
                operate(admin, platform, "finance/upgrade");
                current = installedVersion(admin, "finance");
                assertFalse("1.0.0".equals(current), "upgraded to the current release");
                assertKept(written, read(specialist, budget, assessment), "after the upgrade to " + current);
                operate(admin, platform, "finance/upgrade?version=1.0.0");
                assertEquals("1.0.0", installedVersion(admin, "finance"));
                assertKept(written, read(specialist, budget, assessment), "after going back to 1.0.0");
                operate(admin, platform, "finance/upgrade?version=" + current);
                // The current release's commitments (1.2.0, migration V6) survive going back to the previous release
                // (1.1.0, which runs on the newer schema) and forward again; the rest as before. On a budget of its own:
                // a commitment bumps its budget's version, as a transfer does, and the records above are compared field by field.
                long committedBudget = created(specialist.post("/api/finance/budgets", "{\"year\":2028,\"title\":\"Budget 2028\",\"lines\":["
                        + "{\"code\":\"C\",\"title\":\"Consultants\",\"amount\":20000}]}"));
                assertEquals(200, specialist.post("/api/finance/budgets/" + committedBudget + "/propose", "").status);
                assertEquals(200, director.post("/api/finance/budgets/" + committedBudget + "/approve", "").status);
                long commitment = created(specialist.post("/api/finance/commitments",
                        "{\"year\":2028,\"line\":\"C\",\"amount\":5000.50,\"reference\":\"lifecycle-1\",\"description\":\"Consultant\"}"));
                assertEquals(5000.50, committedOn(specialist, committedBudget, "C"));
                operate(admin, platform, "finance/upgrade?version=1.1.0");
                assertEquals("1.1.0", installedVersion(admin, "finance"));
                assertKept(written, read(specialist, budget, assessment), "after going back to 1.1.0");
                operate(admin, platform, "finance/upgrade?version=" + current);
                assertEquals(5000.50, committedOn(specialist, committedBudget, "C"), "the commitment is kept through 1.1.0");
                assertEquals("OPEN", specialist.get("/api/finance/commitments/" + commitment).json.get("status").asText());
            } finally {
                upgradeLoad.close();
            }
            System.out.println("finance upgrades 1.0.0 -> " + current + " -> 1.0.0 -> " + current + " -> 1.1.0 -> " + current + ": "
                    + upgradeLoad.served() + " reads served, " + upgradeLoad.failures().size() + " failed: " + upgradeLoad.firstFailures());
            assertTrue(upgradeLoad.failures().isEmpty(), () -> "no read fails while finance is upgraded: " + upgradeLoad.firstFailures());
            assertKept(written, read(specialist, budget, assessment), "after upgrading again to " + current);
            assertFalse(output(platform).contains("Exception in"), output(platform));
            assertEquals(143, platform.terminate());
        }

        try (Distribution platform = Distribution.start(environment, folder.resolve("second-run.log"))) {
            Http again = new Http(port);
            assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
            assertFalse("1.0.0".equals(installedVersion(again, "finance")));
            Http specialist = again.newUser("SPECIALIST");
            long budget = written.get("budget").get("id").asLong();
            long assessment = written.get("assessment").get("id").asLong();
            assertKept(written, read(specialist, budget, assessment), "after a restart");
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }

    /** What a reader sees of every kind of finance record. */
    /** What is committed on a line of a budget revision, as the finance module shows it (finance 1.2). */
    private static double committedOn(Http specialist, long budget, String line) throws Exception {
        Http.Answer lines = specialist.get("/api/finance/budgets/" + budget + "/lines");
        assertEquals(200, lines.status, lines::toString);
        for (JsonNode figures : lines.json) {
            if (line.equals(figures.get("code").asText())) {
                return figures.get("committed").asDouble();
            }
        }
        throw new AssertionError("no line " + line + " in " + lines.json);
    }

    private static Map<String, JsonNode> read(Http reader, long budget, long assessment) throws Exception {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        seen.put("budgets", ok(reader.get("/api/finance/budgets?year=2026")));
        seen.put("budgets 2027", ok(reader.get("/api/finance/budgets?year=2027")));
        seen.put("budget", ok(reader.get("/api/finance/budgets/" + budget)));
        seen.put("rates", ok(reader.get("/api/finance/scales/rates?year=2026")));
        seen.put("assessments", ok(reader.get("/api/finance/assessments")));
        seen.put("assessment", ok(reader.get("/api/finance/assessments/" + assessment)));
        seen.put("contributions", ok(reader.get("/api/finance/contributions?year=2026")));
        seen.put("status", ok(reader.get("/api/finance/contributions/status?year=2026")));
        return seen;
    }

    private static void operate(Http admin, Distribution platform, String path) throws Exception {
        operate(admin, platform, path, "POST");
    }

    private static void operate(Http admin, Distribution platform, String path, String method) throws Exception {
        Http.Answer answer = "DELETE".equals(method) ? admin.delete("/api/platform/modules/" + path)
                : admin.post("/api/platform/modules/" + path, "");
        assertEquals(200, answer.status, () -> method + " " + path + ": " + answer + "\n" + output(platform));
    }

    private static String installedVersion(Http admin, String module) throws Exception {
        for (JsonNode installed : admin.get("/api/platform/modules").json.get("installed")) {
            if (module.equals(installed.get("id").asText())) {
                return installed.get("version").asText();
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

    private static JsonNode state(JsonNode status, String code) {
        for (JsonNode state : status.get("states")) {
            if (code.equals(state.get("state").asText())) {
                return state;
            }
        }
        return fail(code + " not in " + status);
    }

    private static List<String> names(JsonNode formulas) {
        List<String> names = new java.util.ArrayList<>();
        formulas.forEach(formula -> names.add(formula.get("name").asText()));
        return names;
    }

    private static Map<String, String> amountsOfTheWorkedExample() {
        return Map.of("A", "40000.00", "B", "38666.67", "C", "19333.33", "D", "1000.00", "E", "1000.00");
    }

    private static Map<String, String> amounts(JsonNode result) {
        Map<String, String> amounts = new LinkedHashMap<>();
        result.get("shares").forEach(share -> amounts.put(share.get("state").asText(), share.get("amount").decimalValue().setScale(2).toPlainString()));
        return amounts;
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
