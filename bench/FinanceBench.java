import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The finance module at the size of the United Nations (see finance.sh): assessments of 193 states by
 * both formulas, and the status of contributions read for a year when ten years of assessments and
 * receipts are recorded. Timings one request at a time; heap after a full GC.
 */
public class FinanceBench {

    private static final int STATES = 193;
    private static final int FIRST_YEAR = 2017;
    private static final int YEARS = 10;
    private static final Pattern ID_AND_STATE = Pattern.compile("\"id\":(\\d+),\"year\":\\d+,\"kind\":\"ASSESSED\",\"state\":\"([A-Z]{2})\"");

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        String pid = args[2];
        int requests = Integer.parseInt(args[3]);
        BenchSupport.Session admin = new BenchSupport.Session(base, args[1]);
        for (String module : List.of("finance", "formula-scale", "formula-equal")) {
            admin.json("POST", "/api/platform/modules/" + module + "/install", null);
        }
        BenchSupport.Session director = BenchSupport.newUser(admin, "DIRECTOR");
        BenchSupport.Session specialist = BenchSupport.newUser(admin, "SPECIALIST");
        System.out.println("heap after full GC with finance installed: " + BenchSupport.heapAfterFullGc(pid));

        // 193 states (codes AA, AB, ...; without the contacts module codes are taken as given) with rates
        // spread like the UN scale: a few large, most at or near the minimum of 0.001 %.
        List<String> codes = new ArrayList<>();
        for (char first = 'A'; codes.size() < STATES; first++) {
            for (char second = 'A'; second <= 'Z' && codes.size() < STATES; second++) {
                codes.add("" + first + second);
            }
        }
        Random random = new Random(193);
        StringBuilder rates = new StringBuilder();
        for (String code : codes) {
            BigDecimal rate = BigDecimal.valueOf(0.001 + Math.pow(random.nextDouble(), 12) * 22).setScale(3, RoundingMode.HALF_UP);
            rates.append(rates.length() == 0 ? "" : ",").append("{\"state\":\"").append(code).append("\",\"rate\":").append(rate.toPlainString()).append('}');
        }
        String scale = "{\"year\":%d,\"amount\":1234567.89,\"formula\":\"%s\",\"parameters\":%s,\"rates\":[" + rates + "]}";
        String bounds = "{\"ceiling\":22,\"floor\":0.01}";
        BenchSupport.report("assessment dry run, 193 states, scale", requests,
                () -> specialist.json("POST", "/api/finance/assessments?dryRun=true", String.format(scale, 2026, "scale", bounds)));
        BenchSupport.report("assessment dry run, 193 states, equal", requests,
                () -> specialist.json("POST", "/api/finance/assessments?dryRun=true", String.format(scale, 2026, "equal", "{}")));

        // Ten years: each saved (193 assessed contributions), most states paying all, some part, some nothing.
        long saving = 0;
        int receipts = 0;
        for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
            long started = System.nanoTime();
            director.json("POST", "/api/finance/assessments", String.format(scale, year, "scale", bounds));
            saving += System.nanoTime() - started;
            Matcher contribution = ID_AND_STATE.matcher(specialist.json("GET", "/api/finance/contributions?year=" + year, null));
            int index = 0;
            while (contribution.find()) {
                if (index++ % 4 != 3) {
                    specialist.json("POST", "/api/finance/contributions/" + contribution.group(1) + "/receipts",
                            "{\"receivedOn\":\"" + Math.min(year, 2026) + "-06-30\",\"amount\":" + (index % 2 == 0 ? "1" : "0.01") + ",\"reference\":\"B-" + year + "-" + index + "\"}");
                    receipts++;
                }
            }
        }
        System.out.printf("assessment saved with its 193 contributions: mean %.1f ms over %d years; %d receipts recorded%n",
                saving / 1e6 / YEARS, YEARS, receipts);
        String status = specialist.json("GET", "/api/finance/contributions/status?year=" + FIRST_YEAR, null);
        long listed = Pattern.compile("\"outstanding\":").matcher(status).results().count() - 1; // one is the totals'
        if (listed != STATES) {
            throw new IllegalStateException("the status lists " + listed + " states, not " + STATES + ": " + status);
        }
        int[] year = {0};
        BenchSupport.report("status of contributions, 193 states, 10 years kept", requests,
                () -> specialist.json("GET", "/api/finance/contributions/status?year=" + (FIRST_YEAR + year[0]++ % YEARS), null));
        BenchSupport.report("arrears by age, 193 states over 10 years", requests,
                () -> specialist.json("GET", "/api/finance/contributions/arrears?asOf=" + (FIRST_YEAR + YEARS - 1), null));
        BenchSupport.report("annual financial report as PDF", Math.max(1, requests / 4),
                () -> specialist.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/finance/reports/annual?year="
                        + (FIRST_YEAR + YEARS - 1) + "&format=pdf")).GET()));
        BenchSupport.report("contributions of a year (193 with receipts)", requests,
                () -> specialist.json("GET", "/api/finance/contributions?year=" + (FIRST_YEAR + year[0]++ % YEARS), null));
        System.out.println("heap after full GC after the run: " + BenchSupport.heapAfterFullGc(pid));
    }
}
