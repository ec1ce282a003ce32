import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmarks share: a logged-in client, percentiles, and the platform's heap after a full GC. JDK only. */
final class BenchSupport {

    static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");

    private BenchSupport() {
    }

    static double percentile(java.util.Collection<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    interface Call {
        void run() throws Exception;
    }

    /** Runs {@code call} {@code count} times after a short warm-up, one at a time, and prints p50 and p99. */
    static void report(String what, int count, Call call) throws Exception {
        for (int i = 0; i < Math.min(20, count); i++) {
            call.run(); // warm-up
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.run();
            times.add(System.nanoTime() - start);
        }
        System.out.printf("%-45s p50 %6.1f ms  p99 %6.1f ms  (%d)%n", what, percentile(times, 50) / 1e6,
                percentile(times, 99) / 1e6, count);
    }

    /** Full GC in the platform's JVM, then its used heap, with jcmd. */
    static String heapAfterFullGc(String pid) throws IOException, InterruptedException {
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        // Sum the generations (young and old; metaspace is reported apart).
        Matcher used = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K").matcher(info);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? String.format("%.1f MiB", kib / 1024.0) : "? (" + info.lines().findFirst().orElse("") + ")";
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    /** One client: its own cookies; logged in as admin when a password is given. */
    /**
     * Through an administrator's session: a new account with one role, logged in, its one-time password
     * already replaced by one of its own.
     */
    static Session newUser(Session admin, String role) throws IOException, InterruptedException {
        String username = role.toLowerCase() + "-" + System.nanoTime();
        admin.json("POST", "/api/platform/users", "{\"username\":\"" + username + "\",\"displayName\":\"Bench " + role
                + "\",\"roles\":[\"" + role + "\"],\"password\":\"first bench password\"}");
        Session user = new Session(admin.base, username, "first bench password");
        user.json("POST", "/api/platform/session/password", "{\"currentPassword\":\"first bench password\",\"newPassword\":\"second bench password\"}");
        return user;
    }

    static final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        final String username;
        String csrf;

        Session(String base, String password) throws IOException, InterruptedException {
            this(base, "admin", password);
        }

        Session(String base, String username, String password) throws IOException, InterruptedException {
            this.base = base;
            this.username = username;
            if (password != null) {
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/platform/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher matcher = CSRF.matcher(login.body());
                if (login.statusCode() != 200 || !matcher.find()) {
                    throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
                }
                csrf = matcher.group(1);
            }
        }

        int get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        void post(String path) throws IOException, InterruptedException {
            post(path, "");
        }

        /** Sends a request with the session's CSRF token; answers the response, failing on a status of 300 or more. */
        HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = client.send(request.header("X-CSRF-Token", csrf == null ? "" : csrf)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + " " + new String(response.body()));
            }
            return response;
        }

        String json(String method, String path, String body) throws IOException, InterruptedException {
            return new String(send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))).body());
        }

        void post(String path, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
            }
        }
    }
}
