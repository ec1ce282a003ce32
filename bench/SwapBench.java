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


    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        String password = args[1];
        String pid = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int cycles = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int steadySeconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;

        BenchSupport.Session admin = new BenchSupport.Session(base, password);
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
            BenchSupport.Session client = notes ? new BenchSupport.Session(base, password) : new BenchSupport.Session(base, null);
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
        String heapBefore = BenchSupport.heapAfterFullGc(pid);
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
        String heapAfter = BenchSupport.heapAfterFullGc(pid);

        System.out.printf("clients %d, operations %d (%d upgrade + rollback cycles), requests %d%n", clients, operations.size(), cycles, requests.get());
        System.out.printf("failed requests: %d %s%n", failures.size(), failures.stream().limit(3).toList());
        System.out.printf("operation (command to new version serving): median %.0f ms, max %.0f ms%n", BenchSupport.percentile(operations, 50) / 1e6, BenchSupport.percentile(operations, 100) / 1e6);
        System.out.printf("latency steady:       p50 %.1f ms, p99 %.1f ms (%d requests)%n", BenchSupport.percentile(steady, 50) / 1e6, BenchSupport.percentile(steady, 99) / 1e6, steady.size());
        System.out.printf("latency during swaps: p50 %.1f ms, p99 %.1f ms (%d requests)%n", BenchSupport.percentile(during, 50) / 1e6, BenchSupport.percentile(during, 99) / 1e6, during.size());
        System.out.printf("heap used after full GC: before %s, after %s%n", heapBefore, heapAfter);
    }

    static long timed(BenchSupport.Call call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }

}
