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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swap under load (run by swap.sh, JDK only): N clients on two modules (notes, behind login, and
 * welcome, public) while notes is upgraded to 2.0.0 and rolled back to 1.0.0 C times. Prints failed
 * requests, operation times, p50/p99 latency steady and during the swaps, heap after full GC before
 * and after.
 *
 *   java SwapBench.java <port> <admin password> <platform pid> [clients] [cycles] [steady seconds]
 */
public class SwapBench {

    static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        String password = args[1];
        String pid = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int cycles = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int steadySeconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;

        Session admin = new Session(base, password);
        admin.post("/api/platform/modules/notes/install?version=1.0.0");
        admin.post("/api/platform/modules/greeter/install?version=1.0.0");
        admin.post("/api/platform/modules/welcome/install");
        admin.post("/api/notes", "{\"text\":\"benchmark\"}");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean swapping = new AtomicBoolean(false);
        ConcurrentLinkedQueue<Long> steady = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> during = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            boolean notes = i % 2 == 0;
            Session client = notes ? new Session(base, password) : new Session(base, null);
            String path = notes ? "/api/notes?size=5" : "/api/welcome?name=bench";
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    try {
                        int status = client.get(path);
                        long took = System.nanoTime() - started;
                        (swapping.get() ? during : steady).add(took);
                        requests.incrementAndGet();
                        if (status != 200) {
                            failures.add(path + " " + status);
                        }
                    } catch (Exception e) {
                        failures.add(path + " " + e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(2000);
        steady.clear();
        String heapBefore = heapAfterFullGc(pid);
        Thread.sleep(steadySeconds * 1000L);

        swapping.set(true);
        List<Long> operations = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            operations.add(timed(() -> admin.post("/api/platform/modules/notes/upgrade?version=2.0.0")));
            operations.add(timed(() -> admin.post("/api/platform/modules/notes/rollback")));
        }
        swapping.set(false);
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        String heapAfter = heapAfterFullGc(pid);

        System.out.printf("clients %d, operations %d (%d upgrade + rollback cycles), requests %d%n", clients, operations.size(), cycles, requests.get());
        System.out.printf("failed requests: %d %s%n", failures.size(), failures.stream().limit(3).toList());
        System.out.printf("operation (command to new version serving): median %.0f ms, max %.0f ms%n", percentile(operations, 50) / 1e6, percentile(operations, 100) / 1e6);
        System.out.printf("latency steady:       p50 %.1f ms, p99 %.1f ms (%d requests)%n", percentile(steady, 50) / 1e6, percentile(steady, 99) / 1e6, steady.size());
        System.out.printf("latency during swaps: p50 %.1f ms, p99 %.1f ms (%d requests)%n", percentile(during, 50) / 1e6, percentile(during, 99) / 1e6, during.size());
        System.out.printf("heap used after full GC: before %s, after %s%n", heapBefore, heapAfter);
    }

    interface Call {
        void run() throws Exception;
    }

    static long timed(Call call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
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
    static final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        String csrf;

        Session(String base, String password) throws IOException, InterruptedException {
            this.base = base;
            if (password != null) {
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/platform/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
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
