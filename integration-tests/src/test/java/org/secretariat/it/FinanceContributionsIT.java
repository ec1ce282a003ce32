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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Contributions as the finance staff keep them, over the distribution: the finance module and the
 * equal-shares formula installed at runtime; three years assessed on three states; an exchange rate
 * entered; a state's payment in euros applied to its oldest contribution first and a receipt in euros
 * at the table's rate; the arrears aged by year; a payment plan with a late instalment that a receipt
 * then pays; the year's status published by the Director and read anonymously (a year not published is
 * a 404, unnamed donors are not shown, a later receipt does not change it); a restart keeps everything.
 */
class FinanceContributionsIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void currenciesArrearsPaymentPlansAndThePublishedStatusOfContributions() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("finance-contributions-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        String publicTable;
        long planId;
        String arrearsBefore;

        try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            for (String module : List.of("finance", "formula-equal")) {
                Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
                assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
            }
            Http director = admin.newUser("DIRECTOR");
            Http specialist = admin.newUser("SPECIALIST");
            Http consultant = admin.newUser("CONSULTANT");
            Http anonymous = new Http(port);

            // Three years assessed on A, B and C: 1000.00 each a year.
            for (int assessed = year - 2; assessed <= year; assessed++) {
                Http.Answer saved = director.post("/api/finance/assessments", "{\"year\":" + assessed + ",\"amount\":3000,\"formula\":\"equal\","
                        + "\"rates\":[{\"state\":\"A\",\"rate\":1},{\"state\":\"B\",\"rate\":1},{\"state\":\"C\",\"rate\":1}]}");
                assertEquals(201, saved.status, saved::toString);
            }

            // An exchange rate; a second for the same day is a conflict; a currency without one is refused naming exchangeRate.
            String rate = "{\"currency\":\"EUR\",\"date\":\"" + today.minusDays(30) + "\",\"rate\":0.93,\"note\":\"central bank\"}";
            Http.Answer entered = specialist.post("/api/finance/exchange-rates", rate);
            assertEquals(201, entered.status, entered::toString);
            assertEquals("CHF", entered.json.get("baseCurrency").asText());
            assertError(specialist.post("/api/finance/exchange-rates", rate), 409, null);
            assertError(specialist.post("/api/finance/exchange-rates", "{\"currency\":\"CHF\",\"date\":\"" + today + "\",\"rate\":1}"), 400, "currency");
            assertEquals(1, specialist.get("/api/finance/exchange-rates?currency=EUR").json.size());

            // A's payment of 1500 EUR at 0.9 (given): 1350.00 CHF, the oldest year first.
            Http.Answer payment = specialist.post("/api/finance/contributions/receipts", "{\"state\":\"A\",\"receivedOn\":\"" + today
                    + "\",\"amount\":1500,\"currency\":\"EUR\",\"exchangeRate\":0.9,\"reference\":\"BANK-A\"}");
            assertEquals(201, payment.status, payment::toString);
            assertEquals(0, new BigDecimal("1350.00").compareTo(payment.json.get("baseAmount").decimalValue()), payment.body);
            assertEquals(List.of(year - 2, year - 1), years(payment.json.get("applied")), payment.body);
            assertEquals(0, new BigDecimal("350").compareTo(payment.json.get("applied").get(1).get("amount").decimalValue()), payment.body);
            // B pays 100 EUR against this year's contribution, at the table's rate.
            long contributionOfB = contribution(specialist, year, "B");
            Http.Answer euros = specialist.post("/api/finance/contributions/" + contributionOfB + "/receipts",
                    "{\"receivedOn\":\"" + today + "\",\"amount\":100,\"currency\":\"EUR\"}");
            assertEquals(201, euros.status, euros::toString);
            assertEquals(0, new BigDecimal("93.00").compareTo(euros.json.get("received").decimalValue()), euros.body);
            assertError(specialist.post("/api/finance/contributions/" + contributionOfB + "/receipts",
                    "{\"receivedOn\":\"" + today + "\",\"amount\":100,\"currency\":\"GBP\"}"), 400, "exchangeRate");
            Http.Answer status = specialist.get("/api/finance/contributions/status?year=" + year);
            assertEquals(200, status.status, status::toString);
            for (String field : List.of("state", "assessed", "received", "outstanding", "voluntary", "status")) { // "name" too, with contacts
                assertTrue(status.json.get("states").get(0).has(field), field + " in " + status.body);
            }
            assertEquals(0, new BigDecimal("93.00").compareTo(status.json.get("totals").get("received").decimalValue()), status.body);

            // Arrears by age.
            Http.Answer arrears = specialist.get("/api/finance/contributions/arrears?asOf=" + year);
            assertEquals(200, arrears.status, arrears::toString);
            arrearsBefore = arrears.body;
            Map<String, List<String>> ageing = ageing(arrears.json);
            assertEquals(List.of("1000.00", "650.00", "0.00", "0.00", "1650.00"), ageing.get("A"), arrears.body);
            assertEquals(List.of("907.00", "1000.00", "1000.00", "0.00", "2907.00"), ageing.get("B"), arrears.body);
            assertEquals(List.of("1000.00", "1000.00", "1000.00", "0.00", "3000.00"), ageing.get("C"), arrears.body);
            assertEquals(List.of("2907.00", "2650.00", "2000.00", "0.00", "7557.00"), ageing.get("totals"), arrears.body);

            // A payment plan for C: 1000.00 in two instalments, the first already late.
            String instalments = "[{\"dueOn\":\"" + today.minusDays(5) + "\",\"amount\":400},{\"dueOn\":\"" + today.plusDays(60) + "\",\"amount\":600}]";
            assertError(specialist.post("/api/finance/payment-plans", "{\"state\":\"C\",\"agreedOn\":\"" + today.minusDays(10) + "\",\"amount\":1000,"
                    + "\"instalments\":" + instalments.replace("600", "599.99") + "}"), 400, "instalments");
            assertError(specialist.post("/api/finance/payment-plans", "{\"state\":\"Z\",\"instalments\":" + instalments + "}"), 400, "state");
            Http.Answer plan = specialist.post("/api/finance/payment-plans", "{\"state\":\"C\",\"agreedOn\":\"" + today.minusDays(10)
                    + "\",\"amount\":1000,\"note\":\"agreed by letter\",\"instalments\":" + instalments + "}");
            assertEquals(201, plan.status, plan::toString);
            planId = plan.json.get("id").asLong();
            assertEquals(List.of("LATE", "DUE"), statuses(plan.json), plan.body);
            assertEquals(List.of(planId), ids(specialist.get("/api/finance/payment-plans?overdue=true").json));
            long oldestOfC = contribution(specialist, year - 2, "C");
            assertEquals(201, specialist.post("/api/finance/contributions/" + oldestOfC + "/receipts",
                    "{\"receivedOn\":\"" + today + "\",\"amount\":400}").status);
            Http.Answer paying = specialist.get("/api/finance/payment-plans/" + planId);
            assertEquals(List.of("PAID", "DUE"), statuses(paying.json), paying.body);
            assertEquals(List.of(), ids(specialist.get("/api/finance/payment-plans?overdue=true").json));
            assertError(specialist.put("/api/finance/payment-plans/" + planId, "{\"amount\":1000,\"instalments\":" + instalments + ",\"version\":"
                    + (paying.json.get("version").asInt() + 7) + "}"), 409, null);

            // Voluntary money: one donor may be named, the other not.
            pledgeAndReceive(specialist, year, "Foundation for Peace", 200, true, today);
            pledgeAndReceive(specialist, year, "A donor who asked not to be named", 300, false, today);

            // Publishing takes the Director; the public reads it without logging in; a year not published is a 404.
            assertEquals(403, specialist.post("/api/finance/publications?year=" + year, "").status);
            assertError(anonymous.get("/api/finance/public/contributions?year=" + year), 404, null);
            Http.Answer published = director.post("/api/finance/publications?year=" + year, "");
            assertEquals(201, published.status, published::toString);
            Http.Answer table = anonymous.get("/api/finance/public/contributions?year=" + year);
            assertEquals(200, table.status, table::toString);
            publicTable = table.body;
            assertEquals(3, table.json.get("states").size(), table.body);
            assertEquals(1, table.json.get("donors").size(), table.body);
            assertEquals("Foundation for Peace", table.json.get("donors").get(0).get("donor").asText());
            assertFalse(table.body.contains("asked not to be named"), table.body);
            assertEquals(0, new BigDecimal("500").compareTo(table.json.get("totals").get("voluntary").decimalValue()), table.body);
            assertEquals(0, new BigDecimal("300").compareTo(table.json.get("totals").get("unnamedVoluntary").decimalValue()), table.body);
            assertEquals(0, new BigDecimal("93").compareTo(table.json.get("totals").get("received").decimalValue()), table.body);
            assertError(anonymous.get("/api/finance/public/contributions?year=" + (year - 1)), 404, null);
            assertError(anonymous.get("/api/finance/public/contributions"), 400, "year");
            assertEquals("[" + year + "]", anonymous.get("/api/finance/public/contributions/years").body);
            assertEquals(200, consultant.get("/api/finance/public/contributions?year=" + year).status, "public for every role");

            // A later receipt changes the staff's status, not the published table.
            assertEquals(201, specialist.post("/api/finance/contributions/" + contributionOfB + "/receipts",
                    "{\"receivedOn\":\"" + today + "\",\"amount\":7}").status);
            assertEquals(publicTable, anonymous.get("/api/finance/public/contributions?year=" + year).body);
            assertEquals(0, new BigDecimal("100.00").compareTo(specialist.get("/api/finance/contributions/status?year=" + year)
                    .json.get("totals").get("received").decimalValue()));

            // Consultants see none of it but the public table; anonymous callers get 401.
            for (String path : List.of("/api/finance/exchange-rates", "/api/finance/payment-plans", "/api/finance/contributions/arrears",
                    "/api/finance/publications")) {
                assertEquals(403, consultant.get(path).status, path);
                assertEquals(401, anonymous.get(path).status, path);
            }
            // Every finance operation in the API's description says who may call it; anonymous callers get 401 unless it is public.
            JsonNode paths = admin.get("/api/openapi.json").json.get("paths");
            assertTrue(paths.get("/finance/public/contributions").get("get").has("x-secretariat-public"), paths::toString);
            assertEquals("finance.contribution.publish", paths.get("/finance/publications").get("post").get("x-secretariat-permission").asText());
            List<String> wrong = new ArrayList<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                if (!path.getKey().startsWith("/finance/")) {
                    return;
                }
                boolean open = operation.getValue().has("x-secretariat-public");
                try {
                    int answer = anonymous.call(operation.getKey().toUpperCase(), "/api" + path.getKey().replaceAll("\\{[^}]+\\}", "999999")).status;
                    // 415: JAX-RS refuses a call without the operation's content type (the scales import's text/csv) before the access filter runs.
                    if (open ? answer == 401 || answer == 403 : answer != 401 && answer != 415) {
                        wrong.add(operation.getKey() + " " + path.getKey() + " -> " + answer);
                    }
                } catch (Exception e) {
                    wrong.add(operation.getKey() + " " + path.getKey() + " -> " + e);
                }
            }));
            assertEquals(List.of(), wrong);
            assertFalse(output(platform).contains("Exception in"), output(platform));
            assertEquals(143, platform.terminate());
        }

        // A restart keeps the rates, the plan, the arrears and the published table.
        try (Distribution platform = Distribution.start(environment, folder.resolve("second-run.log"))) {
            Http again = new Http(port);
            assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            assertEquals(publicTable, again.await("/api/finance/public/contributions?year=" + year, 200, STARTUP).body);
            assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
            assertEquals(1, again.get("/api/finance/exchange-rates").json.size());
            Http.Answer plan = again.get("/api/finance/payment-plans/" + planId);
            assertEquals(List.of("PAID", "DUE"), statuses(plan.json), plan.body);
            Map<String, List<String>> ageing = ageing(again.get("/api/finance/contributions/arrears?asOf=" + year).json);
            assertEquals(List.of("900.00", "1000.00", "1000.00", "0.00", "2900.00"), ageing.get("B"), arrearsBefore);
            assertEquals(List.of("1000.00", "1000.00", "600.00", "0.00", "2600.00"), ageing.get("C"));
            assertFalse(output(platform).contains("Exception in"), output(platform));
        }
    }

    private static void pledgeAndReceive(Http staff, int year, String donor, int amount, boolean publicDonor, LocalDate today) throws Exception {
        Http.Answer pledge = staff.post("/api/finance/contributions", "{\"year\":" + year + ",\"kind\":\"VOLUNTARY\",\"donor\":\"" + donor
                + "\",\"amount\":" + amount + ",\"publicDonor\":" + publicDonor + "}");
        assertEquals(201, pledge.status, pledge::toString);
        Http.Answer receipt = staff.post("/api/finance/contributions/" + pledge.json.get("id").asLong() + "/receipts",
                "{\"receivedOn\":\"" + today + "\",\"amount\":" + amount + "}");
        assertEquals(201, receipt.status, receipt::toString);
    }

    private static long contribution(Http staff, int year, String state) throws Exception {
        JsonNode found = staff.get("/api/finance/contributions?year=" + year + "&state=" + state).json;
        assertEquals(1, found.size(), found.toString());
        return found.get(0).get("id").asLong();
    }

    /** State (and "totals") to current, oneYear, twoYears, threeYearsOrMore, total. */
    private static Map<String, List<String>> ageing(JsonNode arrears) {
        Map<String, List<String>> ageing = new TreeMap<>();
        arrears.get("states").forEach(state -> ageing.put(state.get("state").asText(), buckets(state.get("ageing"))));
        ageing.put("totals", buckets(arrears.get("totals")));
        return ageing;
    }

    private static List<String> buckets(JsonNode ageing) {
        List<String> buckets = new ArrayList<>();
        for (String bucket : List.of("current", "oneYear", "twoYears", "threeYearsOrMore", "total")) {
            buckets.add(ageing.get(bucket).decimalValue().setScale(2).toPlainString());
        }
        return buckets;
    }

    private static List<Integer> years(JsonNode applied) {
        List<Integer> years = new ArrayList<>();
        applied.forEach(part -> years.add(part.get("year").asInt()));
        return years;
    }

    private static List<String> statuses(JsonNode plan) {
        List<String> statuses = new ArrayList<>();
        plan.get("instalments").forEach(instalment -> statuses.add(instalment.get("status").asText()));
        return statuses;
    }

    private static List<Long> ids(JsonNode plans) {
        List<Long> ids = new ArrayList<>();
        plans.forEach(plan -> ids.add(plan.get("id").asLong()));
        return ids;
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
