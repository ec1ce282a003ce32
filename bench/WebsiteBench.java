import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public website under load (run by website.sh, JDK only): requests/s, p50 and p99 of N clients
 * (closed loop, no think time) reading a cached public page and a meeting's page, each beside a plain
 * servlet (the bench-plain fixture) answering the same bytes through the same Jetty and filters.
 *
 *   java WebsiteBench.java <port> <admin password> <platform pid> <fixture repository> [clients] [seconds]
 */
public class WebsiteBench {

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        String pid = args[2];
        String fixtures = args[3];
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        BenchSupport.Session admin = new BenchSupport.Session(base, args[1]);
        admin.json("PUT", "/api/platform/modules/repositories", "{\"repositories\":[\"" + fixtures + "\"],\"mavenRepositories\":[],\"mavenModules\":[]}");
        for (String module : List.of("contacts", "meetings", "website", "bench-plain")) {
            admin.post("/api/platform/modules/" + module + "/install");
        }
        String page = publishPage(admin);
        String meeting = publicMeeting(admin);
        System.out.printf("pages: %s (%d bytes), %s (%d bytes)%n", page, size(base + page), meeting, size(base + meeting));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Warm the JIT on every path first (the website's and the plain servlet's), so the order of the measures does not count.
        copy(http, base, page);
        for (String path : List.of(page, meeting, "/bench/plain")) {
            measure(http, base + path, "(warm-up) " + path, clients, 3);
        }
        double pageRate = measure(http, base + page, "website: cached public page " + page, clients, seconds);
        copy(http, base, page);
        double plainPage = measure(http, base + "/bench/plain", "plain servlet, the same bytes", clients, seconds);
        double meetingRate = measure(http, base + meeting, "website: meeting page " + meeting, clients, seconds);
        copy(http, base, meeting);
        double plainMeeting = measure(http, base + "/bench/plain", "plain servlet, the same bytes", clients, seconds);
        System.out.printf("ratio website/plain: cached page %.2f, meeting page %.2f%n", pageRate / plainPage, meetingRate / plainMeeting);
        System.out.println("heap after full GC: " + BenchSupport.heapAfterFullGc(pid));
    }

    private static String publishPage(BenchSupport.Session admin) throws Exception {
        String created = admin.json("POST", "/api/website/pages", "{\"slug\":\"about-the-convention\"}");
        String id = field(created, "id");
        StringBuilder body = new StringBuilder("## What the Convention does\n\n");
        for (int i = 1; i <= 12; i++) {
            body.append("Paragraph ").append(i).append(": the Convention prohibits all use, production, transfer and stockpiling of cluster ")
                    .append("munitions, and sets a framework for **clearance**, *victim assistance* and [cooperation](/en/news).\\n\\n");
        }
        admin.json("PUT", "/api/website/pages/" + id + "/texts/en", "{\"title\":\"About the Convention\",\"summary\":\"What it is and does\","
                + "\"body\":\"" + body.toString().replace("\n", "\\n") + "\"}");
        admin.post("/api/website/pages/" + id + "/texts/en/publish");
        return "/en/about-the-convention";
    }

    private static String publicMeeting(BenchSupport.Session admin) throws Exception {
        String created = admin.json("POST", "/api/meetings", "{\"type\":\"MSP\",\"number\":14,\"title\":\"Fourteenth Meeting of States Parties\","
                + "\"startDate\":\"2030-09-09\",\"endDate\":\"2030-09-12\",\"city\":\"Geneva\",\"publicMeeting\":true}");
        String id = field(created, "id");
        for (int i = 1; i <= 15; i++) {
            admin.json("POST", "/api/meetings/" + id + "/agenda", "{\"number\":\"" + i + "\",\"title\":\"Agenda item " + i
                    + ": consideration of matters pertaining to the Convention\"}");
        }
        for (int i = 1; i <= 12; i++) {
            byte[] file = ("%PDF-1.4\n% document " + i + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            String document = multipart(admin, "/api/meetings/" + id + "/documents", "Working paper " + i + " on the implementation of article " + i, file);
            admin.json("POST", "/api/meetings/" + id + "/documents/" + field(document, "id") + "/publish", "{}");
        }
        return "/en/meetings/" + id;
    }

    private static String multipart(BenchSupport.Session admin, String path, String title, byte[] file) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        for (String[] part : new String[][] {{"title", title}, {"category", "WORKING_PAPER"}, {"language", "en"}}) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0]).append("\"\r\n\r\n")
                    .append(part[1]).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wp.pdf\"\r\n")
                .append("Content-Type: application/pdf\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(file, 0, body, start.length, file.length);
        System.arraycopy(end, 0, body, start.length + file.length, end.length);
        return new String(admin.send(HttpRequest.newBuilder(URI.create(admin.base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))).body(), StandardCharsets.UTF_8);
    }

    private static void copy(HttpClient http, String base, String path) throws Exception {
        HttpResponse<String> copied = http.send(HttpRequest.newBuilder(URI.create(base + "/bench/plain/copy?path=" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (copied.statusCode() != 200) {
            throw new IllegalStateException("copy of " + path + " answered " + copied.statusCode());
        }
    }

    /** N clients in a closed loop for the given seconds (after 2 s of warm-up): requests/s, p50, p99. */
    private static double measure(HttpClient http, String url, String what, int clients, int seconds) throws Exception {
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmUpEnd + seconds * 1_000_000_000L;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                List<Long> own = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (start >= warmUpEnd) {
                        own.add(System.nanoTime() - start);
                    }
                }
                latencies.addAll(own);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double rate = latencies.size() / (double) seconds;
        System.out.printf("%-55s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (%d clients, %d requests, %d failed)%n", what, rate,
                BenchSupport.percentile(latencies, 50) / 1e6, BenchSupport.percentile(latencies, 99) / 1e6, clients, latencies.size(),
                failures.get());
        return rate;
    }

    private static int size(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
