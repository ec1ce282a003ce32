package org.secretariat.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Clients that each GET one path again and again while a test changes the platform; every answer but 200 is a failure. */
final class LoadClients implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger served = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /** One client per path, each a logged-in administrator from {@code client}. */
    LoadClients(Supplier<Http> client, String... paths) {
        for (String path : paths) {
            Http http = client.get();
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        Http.Answer answer = http.get(path);
                        if (answer.status == 200) {
                            served.incrementAndGet();
                        } else {
                            failures.add(path + " " + answer);
                        }
                    } catch (Exception e) {
                        failures.add(path + " " + e);
                    }
                }
            }, "load " + path);
            thread.start();
            threads.add(thread);
        }
    }

    int served() {
        return served.get();
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }

    String firstFailures() {
        return failures.size() + " failed: " + failures.stream().limit(5).collect(Collectors.toList());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
