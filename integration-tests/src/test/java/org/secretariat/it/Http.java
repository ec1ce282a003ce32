package org.secretariat.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP against a running platform. */
final class Http {

    /** One answer: status and parsed JSON body (null when the body is not JSON). */
    static final class Answer {
        final int status;
        final String body;
        final JsonNode json;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
            JsonNode parsed;
            try {
                parsed = body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                parsed = null;
            }
            this.json = parsed;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Polls {@code path} until it answers {@code status}; returns the last answer (the caller asserts on it). */
    Answer await(String path, int status, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (last.status == status) {
                    return last;
                }
            } catch (IOException notYetListening) {
                last = new Answer(0, notYetListening.toString());
            }
            Thread.sleep(200);
        }
        return last;
    }
}
