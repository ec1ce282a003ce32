import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sponsorship module's selection at a large programme's size (see sponsorship.sh): 500 applications
 * from 193 states (at most 3 per state) for one meeting, each with a fare, the venue city's DSA rate
 * imported, and a fund that covers about two thirds of them; the proposal (points from the earlier
 * meetings, costs, ranking, funding within the balance) timed one request at a time.
 */
public class SponsorshipBench {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        int requests = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        BenchSupport.Session admin = new BenchSupport.Session(base, args[1]);
        for (String module : List.of("meetings", "sponsorship")) {
            admin.json("POST", "/api/platform/modules/" + module + "/install", null);
        }
        BenchSupport.Session specialist = BenchSupport.newUser(admin, "SPECIALIST");
        LocalDate start = LocalDate.now().plusMonths(4);
        long meeting = id(specialist.json("POST", "/api/meetings", "{\"type\":\"MSP\",\"title\":\"Bench meeting\",\"startDate\":\"" + start
                + "\",\"endDate\":\"" + start.plusDays(4) + "\",\"city\":\"Geneva\"}"));
        specialist.send(HttpRequest.newBuilder(URI.create(base + "/api/sponsorship/dsa-rates")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("city,validFrom,currency,rate\nGeneva," + start.minusYears(1) + ",CHF,300\n")));
        long fund = id(specialist.json("POST", "/api/sponsorship/funds", "{\"donorName\":\"Bench donor\",\"currency\":\"CHF\",\"pledged\":1000000}"));
        specialist.json("POST", "/api/sponsorship/funds/" + fund + "/receipts", "{\"receivedOn\":\"" + LocalDate.now() + "\",\"amount\":1000000}");
        long programme = id(specialist.json("POST", "/api/sponsorship/programmes", "{\"fundId\":" + fund + ",\"meetingId\":" + meeting
                + ",\"deadline\":\"" + start.minusDays(10) + "T00:00:00Z\",\"places\":" + count + ",\"maxPerState\":3,\"terminalExpenses\":100,"
                + "\"points\":{\"stateParty\":10,\"mandate\":5,\"notSponsoredBefore\":3,\"genderBalance\":2,\"firstParticipation\":1}}"));
        List<String> codes = new ArrayList<>();
        for (char first = 'A'; codes.size() < 193; first++) {
            for (char second = 'A'; second <= 'Z' && codes.size() < 193; second++) {
                codes.add("" + first + second);
            }
        }
        String[] statuses = {"STATE_PARTY", "SIGNATORY", "NOT_PARTY"};
        long loading = System.nanoTime();
        for (int i = 0; i < count; i++) {
            specialist.json("POST", "/api/sponsorship/programmes/" + programme + "/applications", "{\"stateIso2\":\"" + codes.get(i % codes.size())
                    + "\",\"treatyStatus\":\"" + statuses[i % 3] + "\",\"familyName\":\"Nominee " + i + "\",\"gender\":\"" + (i % 2 == 0 ? "FEMALE" : "MALE")
                    + "\",\"mandateHolder\":" + (i % 7 == 0) + ",\"fare\":" + (800 + (i * 37) % 1200) + "}");
        }
        System.out.printf("%d applications submitted in %.1f s%n", count, (System.nanoTime() - loading) / 1e9);
        String proposal = specialist.json("GET", "/api/sponsorship/programmes/" + programme + "/proposal", null);
        Matcher funded = Pattern.compile("\"funded\":(\\d+)").matcher(proposal);
        System.out.println("proposal: " + (funded.find() ? funded.group(1) : "?") + " of " + count + " funded, " + proposal.length() / 1024 + " KB");
        BenchSupport.report("proposal, " + count + " applications", requests,
                () -> specialist.json("GET", "/api/sponsorship/programmes/" + programme + "/proposal", null));
        BenchSupport.report("applications list, " + count + " applications", requests,
                () -> specialist.json("GET", "/api/sponsorship/programmes/" + programme + "/applications", null));
        System.out.println("heap after full GC: " + BenchSupport.heapAfterFullGc(args[2]));
    }

    private static long id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }
}
