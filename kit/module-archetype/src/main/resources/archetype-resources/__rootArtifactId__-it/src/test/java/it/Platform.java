package ${package}.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Secretariat distribution run as an administrator runs it, {@code bin/secretariat} in a process,
 * on a free port of this machine with its own data and configuration folders, and an HTTP client on it.
 */
final class Platform implements AutoCloseable {

    /** The first administrator's password (SECRETARIAT_ADMIN_PASSWORD, first start only). */
    static final String ADMIN_PASSWORD = "module-test-admin-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final String base;

    private Platform(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Starts the distribution at {@code home} (the parent unpacks it to target/secretariat) with data,
     * configuration and log under {@code work}, and waits until health answers UP.
     */
    static Platform start(Path home, Path work) throws IOException, InterruptedException {
        Path run = work.resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(run);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = run.resolve("platform.log");
        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/secretariat").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("SECRETARIAT_PORT", Integer.toString(port));
        builder.environment().put("SECRETARIAT_HOST", "127.0.0.1");
        builder.environment().put("SECRETARIAT_DATA", run.resolve("data").toString());
        builder.environment().put("SECRETARIAT_ETC", run.resolve("etc").toString());
        builder.environment().put("SECRETARIAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Platform platform = new Platform(builder.start(), log, port);
        Client probe = platform.client();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!platform.process.isAlive()) {
                throw new IllegalStateException("bin/secretariat stopped:\n" + platform.log());
            }
            try {
                if (probe.get("/api/platform/health").status() == 200) {
                    return platform;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        platform.close();
        throw new IllegalStateException("the platform was not UP within 120 s:\n" + platform.log());
    }

    /** A client with its own session, like one browser. */
    Client client() {
        return new Client(base);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the platform as Ctrl-C would (SIGTERM), and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** An answer: status and body, parsed when it is JSON. */
    record Answer(int status, String body, JsonNode json) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** HTTP on the platform with a cookie jar; after a login, changes carry the session's CSRF token. */
    static final class Client {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        private String csrfToken;

        private Client(String base) {
            this.base = base;
        }

        Answer login(String username, String password) throws IOException, InterruptedException {
            Answer answer = send("POST", "/api/platform/session",
                    JSON.createObjectNode().put("username", username).put("password", password).toString());
            if (answer.status() == 200) {
                csrfToken = answer.json().get("csrfToken").asText();
            }
            return answer;
        }

        Answer get(String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        Answer post(String path, String json) throws IOException, InterruptedException {
            return send("POST", path, json);
        }

        Answer put(String path, String json) throws IOException, InterruptedException {
            return send("PUT", path, json);
        }

        Answer delete(String path) throws IOException, InterruptedException {
            return send("DELETE", path, null);
        }

        private Answer send(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrfToken != null && !"GET".equals(method)) {
                request.header("X-CSRF-Token", csrfToken);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isEmpty()) {
                parsed = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), response.body(), parsed);
        }
    }
}
