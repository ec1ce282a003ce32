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
 * imported, and a fund that covers about two thirds of them; before it, {@code earlier} meetings of the
 * same type whose programmes' selections were approved and accepted (150 awards each, the same nominees),
 * so "not sponsored at the previous meeting" and "first participation" have history to read; the
 * proposal (points from the earlier meetings, costs, ranking, funding within the balance) timed one
 * request at a time.
 */
public class SponsorshipBench {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    /** An application in a list: its id and, further on, its version (the last field; no nested object has one). */
    private static final Pattern APPLICATION = Pattern.compile("\\{\"id\":(\\d+),\"programmeId\".*?\"version\":(\\d+)\\}");
    private static final int EARLIER_AWARDS = 150;

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        int requests = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        int earlier = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        BenchSupport.Session admin = new BenchSupport.Session(base, args[1]);
        for (String module : List.of("meetings", "sponsorship")) {
            admin.json("POST", "/api/platform/modules/" + module + "/install", null);
        }
        BenchSupport.Session specialist = BenchSupport.newUser(admin, "SPECIALIST");
        BenchSupport.Session director = BenchSupport.newUser(admin, "DIRECTOR");
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
        long history = System.nanoTime();
        long earlierFund = id(specialist.json("POST", "/api/sponsorship/funds", "{\"donorName\":\"Bench donor of earlier years\",\"currency\":\"CHF\","
                + "\"pledged\":" + 600000 * Math.max(1, earlier) + "}"));
        specialist.json("POST", "/api/sponsorship/funds/" + earlierFund + "/receipts", "{\"receivedOn\":\"" + LocalDate.now() + "\",\"amount\":"
                + 600000 * Math.max(1, earlier) + "}");
        for (int e = 0; e < earlier; e++) {
            LocalDate day = LocalDate.now().plusDays(7 + 14 * e);
            long earlierMeeting = id(specialist.json("POST", "/api/meetings", "{\"type\":\"MSP\",\"title\":\"Earlier bench meeting " + e
                    + "\",\"startDate\":\"" + day + "\",\"endDate\":\"" + day.plusDays(2) + "\",\"city\":\"Geneva\"}"));
            long earlierProgramme = id(specialist.json("POST", "/api/sponsorship/programmes", "{\"fundId\":" + earlierFund + ",\"meetingId\":"
                    + earlierMeeting + ",\"deadline\":\"" + day.minusDays(1) + "T00:00:00Z\",\"places\":" + EARLIER_AWARDS + ",\"maxPerState\":3,"
                    + "\"terminalExpenses\":100}"));
            for (int i = e * 37; i < e * 37 + EARLIER_AWARDS; i++) {
                specialist.json("POST", "/api/sponsorship/programmes/" + earlierProgramme + "/applications", "{\"stateIso2\":\""
                        + codes.get(i % codes.size()) + "\",\"treatyStatus\":\"" + statuses[i % 3] + "\",\"familyName\":\"Nominee " + i
                        + "\",\"gender\":\"" + (i % 2 == 0 ? "FEMALE" : "MALE") + "\",\"fare\":" + (800 + (i * 37) % 1200) + "}");
            }
            String seen = specialist.json("GET", "/api/sponsorship/programmes/" + earlierProgramme + "/proposal", null);
            Matcher version = Pattern.compile("\"programmeVersion\":(\\d+)").matcher(seen);
            version.find();
            director.json("POST", "/api/sponsorship/programmes/" + earlierProgramme + "/proposal/approve", "{\"version\":" + version.group(1) + "}");
            Matcher offered = APPLICATION.matcher(specialist.json("GET", "/api/sponsorship/programmes/" + earlierProgramme
                    + "/applications?status=OFFERED", null));
            while (offered.find()) {
                specialist.json("POST", "/api/sponsorship/programmes/" + earlierProgramme + "/applications/" + offered.group(1) + "/decision",
                        "{\"status\":\"ACCEPTED\",\"reason\":\"accepted\",\"version\":" + offered.group(2) + "}");
            }
        }
        if (earlier > 0) {
            System.out.printf("%d earlier programmes of %d accepted awards in %.1f s%n", earlier, EARLIER_AWARDS, (System.nanoTime() - history) / 1e9);
        }
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
