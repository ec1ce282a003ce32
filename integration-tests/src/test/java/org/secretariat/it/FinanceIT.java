package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.it.ApiAssertions.assertError;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The finance module and its two cost-sharing formulas as an administrator gets them: shipped in the
 * distribution's {@code modules/}, each installed at runtime over REST on its own. A budget is drafted,
 * proposed and approved by the Director; the worked example of the scale formula is run as a dry run
 * over REST and saved by the Director; then the scale formula's module is uninstalled: the saved
 * assessment keeps its shares and the formula is no longer offered. Each state's contribution status
 * follows the receipts. After a restart without the scale formula everything saved is as it was.
 */
@Tag(PlatformOptions.EVERY_PROFILE)
class FinanceIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String WORKED_EXAMPLE = "{\"year\":2026,\"amount\":100000,\"formula\":\"%s\",\"parameters\":{\"ceiling\":40,\"floor\":1},"
            + "\"rates\":[{\"state\":\"A\",\"rate\":4.000},{\"state\":\"B\",\"rate\":1.000},{\"state\":\"C\",\"rate\":0.500},"
            + "{\"state\":\"D\",\"rate\":0.010},{\"state\":\"E\",\"rate\":0.001}]}";

    @Test
    void budgetApprovalAssessmentAndAFormulaModuleThatGoesAway() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("finance-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);

        try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            String available = admin.get("/api/platform/modules").body;
            for (String module : List.of("finance", "formula-scale", "formula-equal")) {
                assertTrue(available.contains("\"id\":\"" + module + "\""), "the distribution offers " + module + ": " + available);
                Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
                assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
            }
            Http director = admin.newUser("DIRECTOR");
            Http specialist = admin.newUser("SPECIALIST");
            Http consultant = admin.newUser("CONSULTANT");

            // The installed formulas.
            Http.Answer formulas = specialist.get("/api/finance/formulas");
            assertEquals(200, formulas.status, formulas::toString);
            assertEquals(List.of("equal", "scale"), names(formulas.json), formulas.body);
            assertEquals(List.of("1.0.0", "1.0.0"), List.of(formulas.json.get(0).get("version").asText(), formulas.json.get(1).get("version").asText()));
            assertTrue(formulas.json.get(1).get("defaultFormula").asBoolean(), "scale is the default formula: " + formulas.body);
            assertFalse(formulas.json.get(0).get("defaultFormula").asBoolean(), formulas.body);

            // A budget: drafted and proposed by the Specialist, approved by the Director only.
            Http.Answer budget = specialist.post("/api/finance/budgets", "{\"year\":2026,\"title\":\"Work plan and budget 2026\",\"lines\":["
                    + "{\"code\":\"1\",\"title\":\"Staff\",\"amount\":420000},{\"code\":\"2\",\"title\":\"Travel\",\"amount\":35000.50}]}");
            assertEquals(201, budget.status, budget::toString);
            assertEquals("DRAFT", budget.json.get("status").asText());
            assertEquals(0, new BigDecimal("455000.50").compareTo(budget.json.get("total").decimalValue()), budget.body);
            long budgetId = budget.json.get("id").asLong();
            assertError(director.post("/api/finance/budgets/" + budgetId + "/approve", ""), 409, null);
            assertEquals(200, specialist.post("/api/finance/budgets/" + budgetId + "/propose", "").status);
            assertEquals(403, specialist.post("/api/finance/budgets/" + budgetId + "/approve", "").status);
            assertEquals(403, admin.post("/api/finance/budgets/" + budgetId + "/approve", "").status, "administrators do not approve budgets");
            Http.Answer approved = director.post("/api/finance/budgets/" + budgetId + "/approve", "");
            assertEquals(200, approved.status, approved::toString);
            assertEquals("APPROVED", approved.json.get("status").asText());
            assertEquals("APPROVED", specialist.get("/api/finance/budgets?year=2026").json.get(0).get("status").asText());
            assertError(specialist.post("/api/finance/budgets", "{\"year\":2026,\"title\":\"x\",\"lines\":[]}"), 400, "lines");

            // The worked example as a dry run, through REST.
            Http.Answer dryRun = specialist.post("/api/finance/assessments?dryRun=true", String.format(WORKED_EXAMPLE, "scale"));
            assertEquals(200, dryRun.status, dryRun::toString);
            Map<String, String> expected = Map.of("A", "40000.00", "B", "38666.67", "C", "19333.33", "D", "1000.00", "E", "1000.00");
            assertEquals(expected, amounts(dryRun.json), dryRun.body);
            assertEquals(0, new BigDecimal("100000").compareTo(dryRun.json.get("total").decimalValue()), dryRun.body);
            for (String field : List.of("state", "rate", "share", "amount", "fixed")) {
                assertTrue(dryRun.json.get("shares").get(0).has(field), field + " in " + dryRun.body);
            }
            assertTrue(dryRun.json.get("shares").get(0).get("fixed").asBoolean(), "A is at the ceiling");
            assertEquals("ceiling 40 % (round 1)", dryRun.json.get("shares").get(0).get("reason").asText());
            System.out.println("worked example, dry run: " + dryRun.body);
            assertFalse(dryRun.json.get("shares").get(1).get("fixed").asBoolean());
            assertEquals(Map.of("A", "20000.00", "B", "20000.00", "C", "20000.00", "D", "20000.00", "E", "20000.00"),
                    amounts(specialist.post("/api/finance/assessments?dryRun=true", String.format(WORKED_EXAMPLE, "equal")).json));
            Http.Answer noRate = specialist.post("/api/finance/assessments?dryRun=true",
                    "{\"year\":2026,\"amount\":100,\"formula\":\"scale\",\"rates\":[{\"state\":\"A\",\"rate\":1},{\"state\":\"F\"}]}");
            assertError(noRate, 400, "rates");
            assertTrue(noRate.json.get("error").asText().contains("state F has no rate"), noRate.body);
            Http.Answer floors = specialist.post("/api/finance/assessments?dryRun=true", String.format(WORKED_EXAMPLE, "scale").replace("\"floor\":1", "\"floor\":25"));
            assertError(floors, 400, "parameters");
            assertTrue(floors.json.get("error").asText().contains("125 % is more than 100 %"), floors.body);
            assertEquals(0, specialist.get("/api/finance/contributions?year=2026").json.size(), "a dry run saves nothing");

            // Saving takes the Director.
            assertEquals(403, specialist.post("/api/finance/assessments", String.format(WORKED_EXAMPLE, "scale")).status);
            Http.Answer saved = director.post("/api/finance/assessments", String.format(WORKED_EXAMPLE, "scale"));
            assertEquals(201, saved.status, saved::toString);
            long assessmentId = saved.json.get("id").asLong();
            assertEquals(expected, amounts(saved.json));
            assertError(director.post("/api/finance/assessments", String.format(WORKED_EXAMPLE, "equal")), 409, null);

            // The scale formula's module goes away: the saved assessment stays as it was, the formula is no longer offered.
            Http.Answer uninstalled = admin.delete("/api/platform/modules/formula-scale");
            assertEquals(200, uninstalled.status, () -> uninstalled + "\n" + output(platform));
            assertEquals(List.of("equal"), names(specialist.get("/api/finance/formulas").json));
            Http.Answer kept = specialist.get("/api/finance/assessments/" + assessmentId);
            assertEquals(200, kept.status, kept::toString);
            assertEquals(expected, amounts(kept.json));
            assertEquals("scale", kept.json.get("formula").asText());
            assertEquals("1.0.0", kept.json.get("formulaVersion").asText());
            assertEquals(0, new BigDecimal("40").compareTo(kept.json.get("parameters").get("ceiling").decimalValue()), kept.body);
            assertError(specialist.post("/api/finance/assessments?dryRun=true", String.format(WORKED_EXAMPLE, "scale").replace("2026", "2027")), 400, "formula");

            // Contributions: one assessed per state; the status follows the receipts.
            JsonNode contributions = specialist.get("/api/finance/contributions?year=2026").json;
            assertEquals(5, contributions.size(), contributions.toString());
            long contributionOfB = -1;
            for (JsonNode contribution : contributions) {
                assertEquals("ASSESSED", contribution.get("kind").asText());
                if (contribution.get("state").asText().equals("B")) {
                    contributionOfB = contribution.get("id").asLong();
                }
            }
            Http.Answer receipt = specialist.post("/api/finance/contributions/" + contributionOfB + "/receipts",
                    "{\"receivedOn\":\"2026-01-15\",\"amount\":10000,\"reference\":\"BANK-2026-1\"}".replace("2026-01-15", java.time.LocalDate.now().toString()));
            assertEquals(201, receipt.status, receipt::toString);
            assertError(specialist.post("/api/finance/contributions/" + contributionOfB + "/receipts",
                    "{\"receivedOn\":\"" + java.time.LocalDate.now() + "\",\"amount\":30000}"), 400, "amount");
            Http.Answer status = specialist.get("/api/finance/contributions/status?year=2026");
            assertEquals(200, status.status, status::toString);
            JsonNode b = null;
            for (JsonNode state : status.json.get("states")) {
                if (state.get("state").asText().equals("B")) {
                    b = state;
                }
            }
            assertEquals(5, status.json.get("states").size(), status.body);
            assertEquals(0, new BigDecimal("38666.67").compareTo(b.get("assessed").decimalValue()), status.body);
            assertEquals(0, new BigDecimal("10000").compareTo(b.get("received").decimalValue()), status.body);
            assertEquals(0, new BigDecimal("28666.67").compareTo(b.get("outstanding").decimalValue()), status.body);
            assertEquals("PARTLY_PAID", b.get("status").asText());
            assertEquals(0, new BigDecimal("90000").compareTo(status.json.get("totals").get("outstanding").decimalValue()), status.body);
            assertError(specialist.get("/api/finance/contributions/status"), 400, "year");

            // The annual financial report, drafted from the same data: JSON, CSV, PDF.
            Http.Answer report = specialist.get("/api/finance/reports/annual?year=2026");
            assertEquals(200, report.status, report::toString);
            List<String> sections = new ArrayList<>();
            report.json.get("sections").forEach(section -> sections.add(section.get("key").asText()));
            assertEquals(List.of("budget", "contributions", "arrears", "funds"), sections, report.body);
            assertTrue(report.json.get("sections").get(0).get("rows").toString().contains("[\"2\",\"Travel\",\"35000.50\",\"0.00\",\"35000.50\",\"0.00\",\"35000.50\",\"100.00\"]"), report.body);
            Http.Answer csv = specialist.get("/api/finance/reports/annual?year=2026&format=csv");
            assertEquals(200, csv.status, csv::toString);
            assertTrue(csv.headers.firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers.toString());
            assertTrue(csv.headers.firstValue("Content-Disposition").orElse("").contains("financial-report-2026.csv"), csv.headers.toString());
            assertTrue(csv.body.contains("B,,38666.67,10000.00,28666.67,0.00,PARTLY_PAID"), csv.body);
            Http.Answer pdf = specialist.get("/api/finance/reports/annual?year=2026&format=pdf");
            assertEquals(200, pdf.status, pdf::toString);
            assertEquals("application/pdf", pdf.headers.firstValue("Content-Type").orElse(""));
            assertTrue(pdf.body.startsWith("%PDF-"), "a PDF document");
            assertError(specialist.get("/api/finance/reports/annual?year=2026&format=xml"), 400, "format");
            assertError(specialist.get("/api/finance/reports/annual"), 400, "year");

            // Consultants see nothing; anonymous callers are refused.
            for (String path : List.of("/api/finance/budgets", "/api/finance/formulas", "/api/finance/assessments", "/api/finance/contributions/status?year=2026",
                    "/api/finance/reports/annual?year=2026")) {
                assertEquals(403, consultant.get(path).status, path);
                assertEquals(401, new Http(port).get(path).status, path);
            }
            assertFalse(output(platform).contains("Exception in"), output(platform));
            assertEquals(143, platform.terminate());
        }

        // Restart without the scale formula: the module starts, the assessment and the budget are as they were.
        try (Distribution platform = Distribution.start(environment, folder.resolve("second-run.log"))) {
            Http again = new Http(port);
            assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
            assertEquals(List.of("equal"), names(again.get("/api/finance/formulas").json));
            JsonNode assessments = again.get("/api/finance/assessments").json;
            assertEquals(1, assessments.size(), assessments.toString());
            Http.Answer kept = again.get("/api/finance/assessments/" + assessments.get(0).get("id").asLong());
            assertEquals(Map.of("A", "40000.00", "B", "38666.67", "C", "19333.33", "D", "1000.00", "E", "1000.00"), amounts(kept.json), kept.body);
            assertEquals("APPROVED", again.get("/api/finance/budgets?year=2026").json.get(0).get("status").asText());
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }

    private static List<String> names(JsonNode formulas) {
        List<String> names = new ArrayList<>();
        formulas.forEach(formula -> names.add(formula.get("name").asText()));
        return names;
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
