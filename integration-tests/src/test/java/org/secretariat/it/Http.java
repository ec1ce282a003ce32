package org.secretariat.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP against a running platform. */
final class Http {

    /** One answer: status and parsed JSON body (null when the body is not JSON). */
    static final class Answer {
        final int status;
        final String body;
        final JsonNode json;
        final java.net.http.HttpHeaders headers;

        Answer(int status, String body) {
            this(status, body, null);
        }

        Answer(int status, String body, java.net.http.HttpHeaders headers) {
            this.status = status;
            this.body = body;
            this.headers = headers;
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

    private final HttpClient client;
    private final String base;
    private String csrfToken;
    private String bearer;

    /** A client with its own cookie jar, like one browser. */
    Http(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    /** A client for {@code base}; over HTTPS it trusts what {@code ssl} trusts. */
    Http(String base, javax.net.ssl.SSLContext ssl) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.client = builder.build();
    }

    /** Logs in; later state-changing calls carry the session's CSRF token. */
    Answer login(String username, String password) throws IOException, InterruptedException {
        Answer answer = post("/api/platform/session", "{\"username\":" + JSON.writeValueAsString(username)
                + ",\"password\":" + JSON.writeValueAsString(password) + "}");
        if (answer.status == 200) {
            csrfToken = answer.json.get("csrfToken").asText();
        }
        return answer;
    }

    /**
     * Through this administrator's client: a new account with one role, logged in on a client of its own,
     * its one-time password already replaced (consultants get an access end date a month ahead).
     */
    Http newUser(String role) throws IOException, InterruptedException {
        String username = role.toLowerCase() + "-" + System.nanoTime();
        String end = "CONSULTANT".equals(role) ? ",\"accessEndDate\":\"" + java.time.LocalDate.now().plusDays(30) + "\"" : "";
        Answer created = post("/api/platform/users", "{\"username\":\"" + username + "\",\"displayName\":\"Test " + role
                + "\",\"roles\":[\"" + role + "\"],\"password\":\"first password 1\"" + end + "}");
        if (created.status != 201) {
            throw new IllegalStateException("creating a " + role + ": " + created);
        }
        Http user = new Http(base, null);
        Answer login = user.login(username, "first password 1");
        Answer changed = user.post("/api/platform/session/password", "{\"currentPassword\":\"first password 1\",\"newPassword\":\"second password 2\"}");
        if (login.status != 200 || changed.status != 204) {
            throw new IllegalStateException("logging in a new " + role + ": " + login + " / " + changed);
        }
        return user;
    }

    /** Sends the session cookie but no CSRF header from now on. */
    Http withoutCsrf() {
        csrfToken = null;
        return this;
    }

    /** Authenticates every call with an API token instead of a session. */
    Http withToken(String token) {
        this.bearer = token;
        return this;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST as a page of another site would send it, naming its origin. */
    Answer postWithOrigin(String path, String json, String origin) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with a body of another type, e.g. a CSV file. */
    Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST: text fields and one file part named {@code file}, as a browser's form sends it. */
    Answer multipart(String path, Map<String, String> fields, String fileName, String fileType, byte[] content)
            throws IOException, InterruptedException {
        return multipart(path, fields, "file", fileName, fileType, content);
    }

    /** The same with the file part named {@code filePart} (fields in the order given, the file last, as a form lays them out). */
    Answer multipart(String path, Map<String, String> fields, String filePart, String fileName, String fileType, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----secretariat" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (content != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET answered as bytes, for downloads. */
    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Answer put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A PUT with a body of another type, e.g. a PDF file. */
    Answer put(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Any method, with a JSON body for those that carry one. */
    Answer call(String method, String path) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = "GET".equals(method) || "DELETE".equals(method)
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** The raw response, for headers. */
    HttpResponse<String> raw(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    /** Polls {@code path} until it answers {@code status}; returns the last answer (the caller asserts on it). */
    Answer await(String path, int status, Duration limit) throws InterruptedException {
        return await(path, status, limit, Duration.ofMillis(200));
    }

    /** As {@link #await(String, int, Duration)}, polling every {@code interval}: to catch the first moment it answers. */
    Answer await(String path, int status, Duration limit, Duration interval) throws InterruptedException {
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
            Thread.sleep(interval.toMillis());
        }
        return last;
    }
}
