package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.it.ApiAssertions.assertError;

import java.math.BigDecimal;
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
 * A budget's execution over the distribution: the finance module installed at runtime; a budget drafted
 * by the Specialist and approved by the Director (403 for the Specialist), the States Parties' approval
 * recorded; the host's ledger imported as CSV after a dry run that names every bad line and writes
 * nothing, a second extract's overlap left out as duplicates; budget against actual and the variance per
 * line; a small transfer applied at once, a large one pending until the Director approves it, one that
 * would leave a line below what was spent refused; after a restart everything is as it was.
 */
class FinanceBudgetIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void budgetApprovalLedgerImportVarianceAndTransfers() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("finance-budget-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);
        // September to December of last year: in fiscal year Y whether the profile's fiscal year starts in January or July.
        int year = LocalDate.now().getYear() - 1;
        long budgetId;
        String actualsBefore;

        try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            Http.Answer installed = admin.post("/api/platform/modules/finance/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
            Http director = admin.newUser("DIRECTOR");
            Http specialist = admin.newUser("SPECIALIST");
            Http assistant = admin.newUser("ASSISTANT");
            Http consultant = admin.newUser("CONSULTANT");

            // A budget without lines starts from the default lines.
            Http.Answer standard = specialist.post("/api/finance/budgets", "{\"year\":" + (year + 5) + ",\"title\":\"Outline\"}");
            assertEquals(201, standard.status, standard::toString);
            assertEquals(List.of("STAFF", "TRAVEL", "MEETINGS", "IT", "OVERHEAD", "RESERVE"), texts(standard.json.get("lines"), "code"), standard.body);

            // Budget -> proposed -> approved by the Director only.
            Http.Answer budget = specialist.post("/api/finance/budgets", "{\"year\":" + year + ",\"title\":\"Work plan and budget\",\"lines\":["
                    + "{\"code\":\"STAFF\",\"title\":\"Staff\",\"amount\":100000},{\"code\":\"TRAVEL\",\"title\":\"Travel\",\"amount\":20000},"
                    + "{\"code\":\"MEETINGS\",\"title\":\"Meetings\",\"amount\":30000}]}");
            assertEquals(201, budget.status, budget::toString);
            budgetId = budget.json.get("id").asLong();
            String base = "/api/finance/budgets/" + budgetId;
            assertEquals(200, specialist.post(base + "/propose", "").status);
            assertEquals(403, specialist.post(base + "/approve", "").status, "a Specialist does not approve a budget");
            assertEquals(409, specialist.post(base + "/states-parties-approval", "{\"approvedOn\":\"" + year + "-09-03\",\"reference\":\"x\"}").status,
                    "the Director approves first");
            Http.Answer approved = director.post(base + "/approve", "");
            assertEquals(200, approved.status, approved::toString);
            assertEquals("APPROVED", approved.json.get("status").asText());
            Http.Answer statesParties = specialist.post(base + "/states-parties-approval",
                    "{\"approvedOn\":\"" + (year - 1) + "-09-03\",\"reference\":\"Final report of the MSP, para. 40\",\"meetingId\":12}");
            assertEquals(200, statesParties.status, statesParties::toString);
            assertEquals(12, statesParties.json.get("statesPartiesApproval").get("meetingId").asInt(), "kept unchecked without the meetings module");

            // The host's ledger: a dry run names every bad line and writes nothing.
            String bad = "date,reference,line,description,amount\n"
                    + year + "-09-05,L-1,STAFF,September salaries,8000\n"
                    + year + "-09-31,L-2,STAFF,no such day,10\n"
                    + year + "-10-01,L-3,CATERING,no such line,10\n"
                    + year + "-10-02,L-4,TRAVEL,\"Geneva, Oslo\",12.345\n"
                    + year + "-10-03,L-5,TRAVEL,four cells\n";
            Http.Answer refused = assistant.post("/api/finance/expenditure/import?dryRun=true", "text/csv", bad);
            assertError(refused, 400, "file");
            JsonNode errors = refused.json.get("report").get("errors");
            assertEquals(List.of("3 date", "4 line", "5 amount", "6 columns"), lineErrors(errors), refused.body);
            assertEquals(0, assistant.get("/api/finance/expenditure?year=" + year).json.size(), "a dry run writes nothing");
            assertError(assistant.post("/api/finance/expenditure/import", "text/csv", bad), 400, "file");
            assertEquals(0, assistant.get("/api/finance/expenditure?year=" + year).json.size(), "all or nothing");

            String ledger = "date,reference,line,description,amount\n"
                    + year + "-09-05,L-1,STAFF,September salaries,8000\n"
                    + year + "-10-05,L-2,STAFF,October salaries,8000.50\n"
                    + year + "-10-12;L-3;TRAVEL;\"Mission to Geneva; Oslo\";1234.50\n"
                    + year + "-11-20,L-4,MEETINGS,Interpretation,19500\n";
            Http.Answer dryRun = assistant.post("/api/finance/expenditure/import?dryRun=true", "text/csv", ledger);
            assertEquals(200, dryRun.status, dryRun::toString);
            assertFalse(dryRun.json.get("applied").asBoolean());
            assertEquals(4, dryRun.json.get("entries").size());
            assertEquals(0, assistant.get("/api/finance/expenditure?year=" + year).json.size());
            Http.Answer imported = assistant.post("/api/finance/expenditure/import", "text/csv", ledger);
            assertEquals(200, imported.status, imported::toString);
            assertTrue(imported.json.get("applied").asBoolean(), imported.body);
            assertEquals(0, new BigDecimal("36735.00").compareTo(imported.json.get("total").decimalValue()), imported.body);
            Http.Answer overlap = assistant.post("/api/finance/expenditure/import", "text/csv",
                    year + "-11-20,L-4,MEETINGS,Interpretation,19500\n" + year + "-12-01,L-5,TRAVEL,Mission to Vienna,765.50\n");
            assertEquals(200, overlap.status, overlap::toString);
            assertEquals(List.of("L-4"), texts(overlap.json.get("duplicates"), "reference"), overlap.body);
            assertEquals(5, assistant.get("/api/finance/expenditure?year=" + year).json.size(), "L-4 is not imported twice");
            Http.Answer manual = assistant.post("/api/finance/expenditure", "{\"spentOn\":\"" + year + "-12-02\",\"line\":\"TRAVEL\",\"amount\":-100,"
                    + "\"description\":\"refund of a ticket\",\"reference\":\"L-1\"}");
            assertError(manual, 409, null);

            // The work plan, and budget against actual per line.
            Http.Answer activity = specialist.post("/api/finance/activities", "{\"year\":" + year + ",\"code\":\"MSP\",\"title\":\"Meeting of States Parties\","
                    + "\"line\":\"MEETINGS\",\"planned\":25000,\"period\":\"Q4\"}");
            assertEquals(201, activity.status, activity::toString);
            Http.Answer actuals = specialist.get(base + "/actuals");
            assertEquals(200, actuals.status, actuals::toString);
            Map<String, JsonNode> lines = byCode(actuals.json.get("lines"));
            assertAmounts(lines.get("STAFF"), "100000", "16000.50", "83999.50", "84.00");
            assertAmounts(lines.get("TRAVEL"), "20000", "2000.00", "18000.00", "90.00");
            assertAmounts(lines.get("MEETINGS"), "30000", "19500", "10500", "35.00");
            assertEquals(0, new BigDecimal("25000").compareTo(lines.get("MEETINGS").get("planned").decimalValue()), actuals.body);
            assertAmounts(actuals.json.get("totals"), "150000", "37500.50", "112499.50", "75.00");

            // Transfers: up to 10 % of the source line's approved amount at once; above, the Director decides.
            Http.Answer small = specialist.post(base + "/transfers", "{\"from\":\"STAFF\",\"to\":\"TRAVEL\",\"amount\":10000,\"reason\":\"more missions\"}");
            assertEquals(201, small.status, small::toString);
            assertEquals("APPLIED", small.json.get("status").asText());
            Http.Answer large = specialist.post(base + "/transfers", "{\"from\":\"STAFF\",\"to\":\"MEETINGS\",\"amount\":10000.01,\"reason\":\"extra day\"}");
            assertEquals(201, large.status, large::toString);
            assertEquals("PENDING", large.json.get("status").asText());
            String decide = base + "/transfers/" + large.json.get("id").asLong();
            assertEquals(403, specialist.post(decide + "/approve", "").status, "a Specialist does not approve a transfer");
            assertAmounts(byCode(specialist.get(base + "/actuals").json.get("lines")).get("MEETINGS"), "30000", "19500", "10500", "35.00");
            Http.Answer applied = director.post(decide + "/approve", "");
            assertEquals(200, applied.status, applied::toString);
            assertEquals("APPLIED", applied.json.get("status").asText());
            assertError(director.post(decide + "/approve", ""), 409, null);
            Http.Answer tooMuch = specialist.post(base + "/transfers", "{\"from\":\"MEETINGS\",\"to\":\"STAFF\",\"amount\":3500,\"reason\":\"above 10 % of 30000\"}");
            assertEquals("PENDING", tooMuch.json.get("status").asText(), tooMuch::toString);
            assertEquals(200, director.post(base + "/transfers/" + tooMuch.json.get("id").asLong() + "/reject", "{\"reason\":\"not now\"}").status);
            assertError(specialist.post(base + "/transfers", "{\"from\":\"MEETINGS\",\"to\":\"STAFF\",\"amount\":20500.02,\"reason\":\"x\"}"), 409, null);
            Http.Answer after = specialist.get(base + "/actuals");
            Map<String, JsonNode> moved = byCode(after.json.get("lines"));
            assertAmounts(moved.get("STAFF"), "79999.99", "16000.50", "63999.49", "80.00");
            assertAmounts(moved.get("TRAVEL"), "30000", "2000.00", "28000.00", "93.33");
            assertAmounts(moved.get("MEETINGS"), "40000.01", "19500", "20500.01", "51.25");
            assertAmounts(after.json.get("totals"), "150000", "37500.50", "112499.50", "75.00");
            actualsBefore = after.json.toString();

            // Consultants see nothing; anonymous callers are refused.
            for (String path : List.of(base + "/actuals", base + "/transfers", "/api/finance/expenditure?year=" + year, "/api/finance/activities?year=" + year)) {
                assertEquals(403, consultant.get(path).status, path);
                assertEquals(401, new Http(port).get(path).status, path);
            }
            assertEquals(403, consultant.post("/api/finance/expenditure/import?dryRun=true", "text/csv", ledger).status);
            assertFalse(output(platform).contains("Exception in"), output(platform));
            assertEquals(143, platform.terminate());
        }

        // A restart keeps all: the execution, the transfers, the States Parties' approval.
        try (Distribution platform = Distribution.start(environment, folder.resolve("second-run.log"))) {
            Http again = new Http(port);
            assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
            String base = "/api/finance/budgets/" + budgetId;
            Http.Answer actuals = again.get(base + "/actuals");
            assertEquals(200, actuals.status, actuals::toString);
            assertEquals(actualsBefore, actuals.json.toString());
            assertEquals(List.of("REJECTED", "APPLIED", "APPLIED"), texts(again.get(base + "/transfers").json, "status"));
            assertEquals("Final report of the MSP, para. 40", again.get(base).json.get("statesPartiesApproval").get("reference").asText());
            assertEquals(5, again.get("/api/finance/expenditure?year=" + year).json.size());
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }

    /** Budget, actual, variance and variance per cent of a line as the API gives them. */
    private static void assertAmounts(JsonNode line, String budget, String actual, String variance, String percent) {
        assertEquals(0, new BigDecimal(budget).compareTo(line.get("budget").decimalValue()), line.toString());
        assertEquals(0, new BigDecimal(actual).compareTo(line.get("actual").decimalValue()), line.toString());
        assertEquals(0, new BigDecimal(variance).compareTo(line.get("variance").decimalValue()), line.toString());
        assertEquals(0, new BigDecimal(percent).compareTo(line.get("variancePercent").decimalValue()), line.toString());
    }

    private static Map<String, JsonNode> byCode(JsonNode lines) {
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        lines.forEach(line -> byCode.put(line.get("code").asText(), line));
        return byCode;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }

    private static List<String> lineErrors(JsonNode errors) {
        List<String> lines = new ArrayList<>();
        errors.forEach(error -> lines.add(error.get("line").asInt() + " " + error.get("field").asText()));
        return lines;
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
