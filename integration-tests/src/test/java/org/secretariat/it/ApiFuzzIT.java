package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The API attacked from its own description: the distribution with contacts, meetings, finance (and both
 * cost-sharing formulas), the website and sponsorship installed,
 * {@code GET /api/openapi.json} checked by swagger-parser, then every operation of it called with
 * bounded generated inputs (path and query parameters and JSON bodies derived from the schemas: valid
 * values, boundaries, type violations, long and odd text) by an administrator's session (with its CSRF
 * token) and by an API token of each other role. No answer may be a 5xx, every error must be
 * {@code {"status","error","field"}} and every answer must come within 5 s. Where the document links a
 * create operation's 201 to the read, update and delete of what it created (OpenAPI {@code links}), a
 * 201 is followed along them: the GET must answer 200 with a body valid against its schema, the PUT
 * and DELETE no 5xx and the error shape for a 4xx (at most {@value #CHAINS_PER_OPERATION} chains per
 * create operation). The generator is seeded
 * ({@code -Dfuzz.seed=}, printed) so a failure can be replayed; {@code -Dfuzz.requests=} sets the
 * administrator's requests per operation (each other role makes a quarter of them).
 */
class ApiFuzzIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration SLOW = Duration.ofSeconds(5);
    /** Characters of a query string at most (Jetty's 8 KB request header limit, less the headers). */
    private static final int QUERY_LIMIT = 6000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ROLES = List.of("DIRECTOR", "SPECIALIST", "ASSISTANT", "CONSULTANT");
    /** Link chains followed at most per create operation, which keeps the run's time where it was. */
    private static final int CHAINS_PER_OPERATION = 3;
    /** The links of a create's 201, in the order a chain follows them. */
    private static final List<String> CHAIN = List.of("GetById", "UpdateById", "DeleteById");

    /**
     * Operations not called, and why (docs/api.md repeats this list): they end the caller's own session
     * or change its password, which would stop the run rather than test the API; their refusals are
     * covered by SecurityIT and SessionTimeoutIT. The module operations would uninstall what is under test.
     */
    private static final Set<String> NOT_CALLED = Set.of(
            "DELETE /platform/session",
            "POST /platform/session/password",
            "POST /platform/modules/{id}/install",
            "POST /platform/modules/{id}/upgrade",
            "POST /platform/modules/{id}/rollback",
            "DELETE /platform/modules/{id}");

    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final int requestsPerOperation = Integer.getInteger("fuzz.requests", 16);
    /** Ids read from the lists, so that some requests reach real records. */
    private final Set<Long> knownIds = new LinkedHashSet<>();
    /** Ids of the test's own users and tokens: never generated, so that no call removes a caller. */
    private final Set<Long> protectedIds = new LinkedHashSet<>();
    /** Whether the operation being called is the platform's, whose path ids may name the test's own users and tokens. */
    private boolean protecting;

    /** Each operation's success schema, compiled once; operations whose success answer has no schema. */
    private final Map<String, com.networknt.schema.JsonSchema> successSchemas = new java.util.HashMap<>();
    private final Set<String> undescribedAnswers = new java.util.TreeSet<>();
    private int answersValidated;
    /** "METHOD /path" of each operationId, and each operation, for following links. */
    private final Map<String, String> operationsById = new java.util.HashMap<>();
    private Map<String, JsonNode> described = Map.of();
    /** Link chains followed per create operation, and the requests they made. */
    private final Map<String, Integer> chainsFollowed = new TreeMap<>();
    private int chainRequests;
    /** A meeting type of the served profile, for plausible bodies. */
    private String meetingType = "MSP";
    private HttpClient client;
    private String base;

    /** One caller: a session with its CSRF token, or a bearer token. */
    private static final class Caller {
        final String name;
        final HttpClient client;
        final String csrf;
        final String bearer;

        Caller(String name, HttpClient client, String csrf, String bearer) {
            this.name = name;
            this.client = client;
            this.csrf = csrf;
            this.bearer = bearer;
        }
    }

    @Test
    void everyDescribedOperationAnswersGeneratedInputsWithoutServerErrors() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("api-fuzz-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        base = "http://127.0.0.1:" + port;
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        try (Distribution platform = Distribution.start(environment, folder.resolve("platform.log"))) {
            Http admin = new Http(port);
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, platform::toString);
            Http.Answer login = admin.login("admin", Distribution.ADMIN_PASSWORD);
            assertEquals(200, login.status, login::toString);
            int before = operations(admin.get("/api/openapi.json").json).size();
            for (String module : List.of("contacts", "meetings", "finance", "formula-scale", "formula-equal", "expertise", "website", "sponsorship")) {
                Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
                assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
            }

            Http.Answer description = admin.get("/api/openapi.json");
            assertEquals(200, description.status, description::toString);
            assertValidOpenApi(description.body);
            JsonNode api = description.json;
            assertTrue(!api.has("x-secretariat-undescribed"), () -> "resources swagger-core could not read: " + api.get("x-secretariat-undescribed"));
            Map<String, JsonNode> operations = operations(api);
            described = operations;
            operations.forEach((key, operation) -> operationsById.put(operation.path("operationId").asText(), key));
            Set<String> linkedCreates = new java.util.TreeSet<>();
            operations.forEach((key, operation) -> {
                if (operation.path("responses").path("201").path("links").size() > 0) {
                    linkedCreates.add(key);
                }
            });
            assertTrue(linkedCreates.contains("POST /contacts/organisations"), linkedCreates::toString);
            assertTrue(operations.size() > before + 40, "contacts' and meetings' operations join the description: " + before + " -> " + operations.size());
            assertEquals("contacts.contact.read", operations.get("GET /contacts/organisations").get("x-secretariat-permission").asText());
            assertTrue(operations.keySet().stream().anyMatch(operation -> operation.startsWith("POST /meetings")), operations.keySet()::toString);
            assertTrue(operations.containsKey("POST /finance/assessments"), operations.keySet()::toString);
            assertTrue(operations.containsKey("PUT /website/pages/{id}/texts/{language}"), operations.keySet()::toString);
            operations.forEach((operation, description1) -> assertTrue(description1.has("x-secretariat-permission")
                    || description1.has("x-secretariat-roles") || description1.has("x-secretariat-public"), operation + " names who may call it"));

            // An error the servlet container answers itself under /api (a %2F climbing out of it) is JSON too.
            for (String climbing : List.of("/api/meetings/..%2F..%2Fetc%2Fpasswd/participants", "/api/..%2Fapp%2F")) {
                Http.Answer refused = admin.get(climbing);
                assertTrue(refused.status >= 400 && refused.status < 500 && refused.json != null
                        && refused.json.path("status").asInt() == refused.status, () -> climbing + " -> " + refused);
            }

            List<Caller> callers = callers(admin, port);
            seedIds(admin);
            System.out.println("ApiFuzzIT: seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + operations.size() + " operations, "
                    + callers.size() + " callers");

            long started = System.nanoTime();
            int requests = 0;
            int called = 0;
            Map<String, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : operations.entrySet()) {
                if (NOT_CALLED.contains(entry.getKey())) {
                    continue;
                }
                called++;
                String method = entry.getKey().split(" ", 2)[0];
                String path = entry.getKey().split(" ", 2)[1];
                for (Caller caller : callers) {
                    int count = caller.csrf != null ? requestsPerOperation : Math.max(1, requestsPerOperation / 4);
                    for (int i = 0; i < count; i++) {
                        String failure = call(caller, entry.getKey(), entry.getValue(), api, statuses);
                        requests++;
                        if (failure != null && failures.size() < 200) {
                            failures.add(failure);
                        }
                    }
                }
            }
            requests += chainRequests;
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            System.out.println("ApiFuzzIT: " + called + " operations called (" + NOT_CALLED.size() + " not called: " + new java.util.TreeSet<>(NOT_CALLED) + "), "
                    + requests + " requests in " + seconds + " s, " + failures.size() + " failures; statuses " + statuses);
            System.out.println("ApiFuzzIT: " + answersValidated + " success answers validated against their schemas; " + undescribedAnswers.size()
                    + " operations answer JSON the document gives no schema: " + undescribedAnswers);
            int chains = chainsFollowed.values().stream().mapToInt(Integer::intValue).sum();
            Set<String> neverCreated = new java.util.TreeSet<>(linkedCreates);
            neverCreated.removeAll(chainsFollowed.keySet());
            System.out.println("ApiFuzzIT: " + chains + " link chains followed (" + chainRequests + " requests) from " + chainsFollowed.size() + " of "
                    + linkedCreates.size() + " create operations with links " + chainsFollowed + "; never answered 201: " + neverCreated);
            failures.forEach(failure -> System.out.println("ApiFuzzIT failure: " + failure));
            assertEquals(List.of(), failures, () -> "seed " + seed + "\n" + output(platform));
            // No input, however odd, may leave an incident or any other SEVERE line in the platform's log.
            List<String> severe = platform.output().lines().filter(line -> line.contains(" SEVERE ")).collect(java.util.stream.Collectors.toList());
            assertEquals(List.of(), severe, () -> "seed " + seed + ": SEVERE lines in the log after the fuzz");
        }
    }

    private static String output(Distribution platform) {
        try {
            String output = platform.output();
            return output.length() > 20_000 ? output.substring(output.length() - 20_000) : output;
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** What swagger-parser, the reference reader of OpenAPI 3, finds wrong with the document: nothing. */
    static void assertValidOpenApi(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertNotNull(result.getOpenAPI(), () -> "not OpenAPI: " + result.getMessages());
        assertEquals(List.of(), result.getMessages());
    }

    /** "METHOD /path" to operation. */
    private static Map<String, JsonNode> operations(JsonNode api) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
        }
        return operations;
    }

    /** The administrator's session, then a user of each other role calling with an API token. */
    private List<Caller> callers(Http admin, int port) throws Exception {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Caller> callers = new ArrayList<>();
        HttpClient adminClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        HttpResponse<String> login = adminClient.send(HttpRequest.newBuilder(URI.create(base + "/api/platform/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + Distribution.ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login::body);
        JsonNode session = JSON.readTree(login.body());
        callers.add(new Caller("ADMINISTRATOR (session)", adminClient, session.get("csrfToken").asText(), null));
        for (String role : ROLES) {
            Http user = admin.newUser(role);
            Http.Answer token = user.post("/api/platform/tokens", "{\"name\":\"fuzz\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
            assertEquals(201, token.status, token::toString);
            protectedIds.add(token.json.get("id").asLong());
            callers.add(new Caller(role + " (token)", client, null, token.json.get("token").asText()));
        }
        for (JsonNode user : admin.get("/api/platform/users?size=500").json.get("items")) {
            protectedIds.add(user.get("id").asLong());
        }
        for (JsonNode token : admin.get("/api/platform/tokens").json) {
            protectedIds.add(token.get("id").asLong());
        }
        return callers;
    }

    /** A few records of each kind to aim at, and their ids; the generator picks path ids among them often. */
    private void seedIds(Http admin) throws Exception {
        String type = ServedProfile.of(admin).mainMeetingType();
        meetingType = type;
        addId(admin.post("/api/contacts/organisations", "{\"name\":\"Fuzz Organisation\",\"type\":\"NGO\"}"));
        addId(admin.post("/api/contacts/people", "{\"givenName\":\"Fuzz\",\"familyName\":\"Person\"}"));
        Http.Answer meeting = admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"number\":1,\"title\":\"Fuzz meeting\",\"startDate\":\""
                + LocalDate.now().plusDays(30) + "\",\"endDate\":\"" + LocalDate.now().plusDays(32) + "\",\"venue\":\"Palais\",\"city\":\"Geneva\"}");
        assertEquals(201, meeting.status, meeting::toString);
        addId(meeting);
        String path = "/api/meetings/" + meeting.json.get("id").asLong();
        addId(admin.post(path + "/agenda", "{\"number\":\"1\",\"title\":\"Opening\"}"));
        addId(admin.multipart(path + "/documents", Map.of("title", "Fuzz paper", "category", "OFFICIAL", "language", "en"), "fuzz.pdf",
                "application/pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        for (String list : List.of("/api/contacts/organisations", "/api/contacts/people", "/api/meetings")) {
            JsonNode items = admin.get(list).json;
            if (items != null && items.has("items")) {
                items.get("items").forEach(item -> knownIds.add(item.path("id").asLong()));
            }
        }
    }

    /**
     * One of the real records' ids, or null. The records' ids and the test's users' and tokens' ids come
     * from different tables and overlap (each starts at 1): a platform path gets none of the latter.
     */
    private Long knownId() {
        List<Long> ids = new ArrayList<>(knownIds);
        if (protecting) {
            ids.removeAll(protectedIds);
        }
        return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    private void addId(Http.Answer created) {
        if (created.status == 201 && created.json != null && created.json.has("id")) {
            knownIds.add(created.json.get("id").asLong());
        }
    }

    /** One generated call; answers the failure, or null. */
    private String call(Caller caller, String operationKey, JsonNode operation, JsonNode api, Map<String, Integer> statuses) {
        String method = operationKey.split(" ", 2)[0];
        StringBuilder path = new StringBuilder(operationKey.split(" ", 2)[1]);
        StringBuilder query = new StringBuilder();
        Map<String, String> pathValues = new java.util.HashMap<>();
        JsonNode links = operation.path("responses").path("201").path("links");
        // A create with links is called a third of the time as a client that read the schema would call it, so that some
        // succeed and their links are followed: path ids among the real ones, a plausible body.
        boolean plausible = links.size() > 0 && random.nextInt(3) == 0;
        protecting = path.indexOf("/platform/") == 0;
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode schema = resolve(api, parameter.path("schema"));
            String name = parameter.path("name").asText();
            if ("path".equals(parameter.path("in").asText())) {
                // Control characters (%00) in the path are refused by Jetty's HTTP parser with its own page before
                // any platform code runs: left out of paths (docs/api.md); query strings and bodies keep them.
                Long known = plausible && "integer".equals(schema.path("type").asText()) ? knownId() : null;
                String value = known != null ? known.toString() : encode(scalar(schema, true).replaceAll("\\p{Cntrl}", ""));
                pathValues.put(name, value.isEmpty() ? "x" : value);
                int at = path.indexOf("{" + name + "}");
                if (at >= 0) {
                    path.replace(at, at + name.length() + 2, value.isEmpty() ? "x" : value);
                }
            } else if ("query".equals(parameter.path("in").asText()) && random.nextInt(3) > 0) {
                String value = bounded(encode(scalar(schema, false)), Math.max(0, QUERY_LIMIT - query.length()) / 2);
                query.append(query.length() == 0 ? '?' : '&').append(encode(name)).append('=').append(value);
            }
        }
        String contentType = null;
        String body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            contentType = random.nextInt(20) == 0 ? "text/plain" : "application/json";
            JsonNode schema = resolve(api, content.get("application/json").path("schema"));
            body = plausible ? plausibleBody(api, schema) : jsonBody(api, schema);
        } else if (content.has("multipart/form-data")) {
            String boundary = "fuzz" + random.nextInt(1_000_000);
            contentType = "multipart/form-data; boundary=" + boundary;
            JsonNode form = resolve(api, content.get("multipart/form-data").path("schema"));
            body = plausible ? plausibleMultipart(boundary, api, form) : multipart(boundary, api, form);
        } else if (content.size() > 0) {
            contentType = content.fieldNames().next();
            body = text(random.nextInt(4) == 0 ? 2000 : 40) + "\n" + text(30);
        }
        String target = path + query.toString();
        String request = caller.name + " " + method + " " + target + (body == null ? "" : " " + abbreviate(body));
        long started = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = send(caller, method, target, contentType, body);
        } catch (Exception e) {
            return request + " -> no answer: " + e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        statuses.merge(Integer.toString(answer.statusCode()), 1, Integer::sum);
        if (answer.statusCode() >= 500) {
            return request + " -> " + answer.statusCode() + " " + abbreviate(answer.body());
        }
        if (took.compareTo(SLOW) > 0) {
            return request + " -> took " + took.toMillis() + " ms";
        }
        if (answer.statusCode() >= 400) {
            String shape = errorShape(answer);
            if (shape != null) {
                return request + " -> " + answer.statusCode() + " " + shape + ": " + abbreviate(answer.body());
            }
        } else if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
            String conformance = conformance(operationKey, operation, api, answer);
            if (conformance != null) {
                return request + " -> " + answer.statusCode() + " " + conformance + ": " + abbreviate(answer.body());
            }
            if (answer.statusCode() == 201 && links.size() > 0 && chainsFollowed.getOrDefault(operationKey, 0) < CHAINS_PER_OPERATION) {
                chainsFollowed.merge(operationKey, 1, Integer::sum);
                String chain = followLinks(caller, links, pathValues, answer, api, statuses);
                return chain == null ? null : request + " -> 201, then " + chain;
            }
        }
        return null;
    }

    /**
     * Follows a 201's links in the order read, update, delete: each link's parameters filled from the
     * created record ({@code $response.body#/id}) and from the create's own path
     * ({@code $request.path.meetingId}). The read must answer 200 with a body valid against its schema;
     * the update (the record as read, or a body generated from the schema) and the delete must answer no
     * 5xx and, for a 4xx, the error shape. Answers the failure, or null.
     */
    private String followLinks(Caller caller, JsonNode links, Map<String, String> pathValues, HttpResponse<String> created, JsonNode api,
            Map<String, Integer> statuses) {
        JsonNode record;
        try {
            record = JSON.readTree(created.body());
        } catch (Exception e) {
            return "the created record cannot be read: " + e.getMessage();
        }
        String read = null;
        for (String name : CHAIN) {
            JsonNode link = links.get(name);
            if (link == null) {
                continue;
            }
            String targetKey = operationsById.get(link.path("operationId").asText());
            if (targetKey == null) {
                return name + " names no operation of the document: " + link;
            }
            JsonNode target = described.get(targetKey);
            String method = targetKey.split(" ", 2)[0];
            String path = targetKey.split(" ", 2)[1];
            for (java.util.Iterator<Map.Entry<String, JsonNode>> parameters = link.path("parameters").fields(); parameters.hasNext();) {
                Map.Entry<String, JsonNode> parameter = parameters.next();
                String expression = parameter.getValue().asText();
                String value = expression.startsWith("$response.body#") ? record.at(expression.substring("$response.body#".length())).asText(null)
                        : expression.startsWith("$request.path.") ? pathValues.get(expression.substring("$request.path.".length())) : null;
                if (value == null || value.isEmpty()) {
                    return name + " " + targetKey + ": " + parameter.getKey() + " = " + expression + " has no value in " + abbreviate(created.body());
                }
                path = path.replace("{" + parameter.getKey() + "}", expression.startsWith("$response") ? encode(value) : value);
            }
            String contentType = null;
            String body = null;
            JsonNode content = target.path("requestBody").path("content");
            if (content.has("application/json")) {
                contentType = "application/json";
                body = read != null && random.nextBoolean() ? read : plausibleOrGenerated(api, resolve(api, content.get("application/json").path("schema")));
            }
            String request = name + ": " + caller.name + " " + method + " " + path + (body == null ? "" : " " + abbreviate(body));
            long started = System.nanoTime();
            HttpResponse<String> answer;
            try {
                answer = send(caller, method, path, contentType, body);
            } catch (Exception e) {
                return request + " -> no answer: " + e;
            }
            chainRequests++;
            statuses.merge(Integer.toString(answer.statusCode()), 1, Integer::sum);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(SLOW) > 0) {
                return request + " -> took " + took.toMillis() + " ms";
            }
            if (answer.statusCode() >= 500) {
                return request + " -> " + answer.statusCode() + " " + abbreviate(answer.body());
            }
            if ("GetById".equals(name) && answer.statusCode() != 200) {
                return request + " -> " + answer.statusCode() + ", not 200, for what was just created: " + abbreviate(answer.body());
            }
            if (answer.statusCode() >= 400) {
                String shape = errorShape(answer);
                if (shape != null) {
                    return request + " -> " + answer.statusCode() + " " + shape + ": " + abbreviate(answer.body());
                }
            } else {
                JsonNode schema = (answer.statusCode() == 200 && target.path("responses").has("200") ? target.path("responses").path("200")
                        : target.path("responses").path("default")).path("content").path("application/json").path("schema");
                if ("GetById".equals(name) && (schema.isMissingNode() || schema.isEmpty())) {
                    return request + " -> the document gives the read no schema to check the record against";
                }
                String conformance = conformance(targetKey, target, api, answer);
                if (conformance != null) {
                    return request + " -> " + answer.statusCode() + " " + conformance + ": " + abbreviate(answer.body());
                }
                if ("GetById".equals(name)) {
                    read = answer.body();
                }
            }
        }
        return null;
    }

    private String plausibleOrGenerated(JsonNode api, JsonNode schema) {
        return random.nextBoolean() ? plausibleBody(api, schema) : jsonBody(api, schema);
    }

    /**
     * A body a client that read the schema would send: every property that may not be null (the others
     * mostly), of its type, with an enum's value, a real date, short plain text, ids among the
     * real ones; a few well-known names (an email, a web address, a state, a language, a currency, a
     * time of day, a meeting type of the profile) filled sensibly.
     */
    private String plausibleBody(JsonNode api, JsonNode schema) {
        try {
            return JSON.writeValueAsString(plausible(api, schema, null, 0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode plausible(JsonNode api, JsonNode schema, String name, int depth) {
        schema = resolve(api, schema);
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            schema = resolve(api, schema.get("allOf").get(0));
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth <= 3) {
                    schema.path("properties").fields().forEachRemaining(property -> {
                        boolean optional = property.getValue().path("nullable").asBoolean(false);
                        if (!property.getKey().equals("id") && !property.getKey().equals("version") && (!optional || random.nextInt(6) > 0)) {
                            object.set(property.getKey(), plausible(api, property.getValue(), property.getKey(), depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth <= 3) {
                    array.add(plausible(api, schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer":
            case "number":
                Long known = name != null && name.endsWith("Id") ? knownId() : null;
                if (known != null) {
                    return NODES.numberNode(known);
                }
                if (lower.contains("year")) {
                    return NODES.numberNode(LocalDate.now().getYear());
                }
                return NODES.numberNode(1 + random.nextInt(100));
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                break;
        }
        String format = schema.path("format").asText("");
        boolean end = lower.startsWith("end") || lower.endsWith("end") || lower.equals("to") || lower.equals("until");
        if (format.equals("date")) {
            // Today (most dates of an event may not be in the future), an end a few days later.
            return NODES.textNode(LocalDate.now().plusDays(end ? 3 : 0).toString());
        }
        if (format.equals("date-time")) {
            return NODES.textNode(Instant.now().plus(1 + random.nextInt(60), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (lower.contains("website") || lower.endsWith("url")) {
            return NODES.textNode("https://example.org/fuzz/" + random.nextInt(1000));
        }
        if (lower.equals("type")) {
            return NODES.textNode(meetingType);
        }
        if (lower.contains("email")) {
            return NODES.textNode("fuzz" + random.nextInt(100_000) + "@example.org");
        }
        if (lower.contains("iso2") || lower.equals("state") || lower.equals("country")) {
            return NODES.textNode(List.of("FR", "NO", "ML", "JP").get(random.nextInt(4)));
        }
        if (lower.equals("language") || lower.equals("lang")) {
            return NODES.textNode("en");
        }
        if (lower.equals("currency")) {
            return NODES.textNode("EUR");
        }
        if (lower.endsWith("time")) {
            if (end) {
                return NODES.textNode(String.format("%02d:%02d", 17 + random.nextInt(3), 15 * random.nextInt(4)));
            }
            return NODES.textNode(String.format("%02d:%02d", 9 + random.nextInt(8), 15 * random.nextInt(4)));
        }
        if (lower.equals("username")) {
            return NODES.textNode("fuzz" + random.nextInt(1_000_000));
        }
        if (lower.equals("slug")) {
            return NODES.textNode("fuzz-" + random.nextInt(1_000_000));
        }
        return NODES.textNode(text(3 + random.nextInt(10)).replaceAll("[^A-Za-z0-9 ]", "x").trim() + random.nextInt(1000));
    }

    /**
     * Null when a success answer conforms to the document: its status is one the operation declares (or
     * {@code default}), and a JSON body validates against the schema given for it (OpenAPI 3.0's
     * {@code nullable} honoured). An answer the document gives no schema is counted, not failed.
     */
    private String conformance(String operationKey, JsonNode operation, JsonNode api, HttpResponse<String> answer) {
        JsonNode responses = operation.path("responses");
        String status = Integer.toString(answer.statusCode());
        JsonNode response = responses.has(status) ? responses.get(status) : responses.has("2XX") ? responses.get("2XX") : responses.get("default");
        if (response == null) {
            return "status " + status + " is not in the document";
        }
        boolean json = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (!json || answer.body().isEmpty()) {
            return null;
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode() || schema.isEmpty()) {
            undescribedAnswers.add(operationKey + " " + status);
            return null;
        }
        com.networknt.schema.JsonSchema compiled = successSchemas.computeIfAbsent(operationKey + " " + status, key -> {
            // The schema with the document's components beside it, so that its #/components/schemas/... references resolve.
            com.fasterxml.jackson.databind.node.ObjectNode root = schema.deepCopy();
            root.set("components", api.path("components"));
            com.networknt.schema.SchemaValidatorsConfig config = com.networknt.schema.SchemaValidatorsConfig.builder()
                    .nullableKeywordEnabled(true).build();
            return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V4).getSchema(root, config);
        });
        Set<com.networknt.schema.ValidationMessage> problems;
        try {
            problems = compiled.validate(JSON.readTree(answer.body()));
        } catch (Exception e) {
            return "the JSON answer cannot be read: " + e.getMessage();
        }
        answersValidated++;
        return problems.isEmpty() ? null : "does not conform to its schema: " + problems.stream().limit(3).map(Object::toString)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Null when the answer is {"status","error","field"} (field left out when there is none), else what is wrong. */
    private static String errorShape(HttpResponse<String> answer) {
        JsonNode error;
        try {
            error = JSON.readTree(answer.body());
        } catch (Exception e) {
            return "error body is not JSON";
        }
        if (error == null || !error.isObject()) {
            return "error body is not a JSON object";
        }
        Set<String> fields = new LinkedHashSet<>();
        error.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(Set.of("status", "error", "field"));
        if (error.path("report").isObject()) {
            // An import refused for its lines names them all in "report" (docs/api.md): the documented extension.
            fields.remove("report");
        }
        if (!fields.isEmpty()) {
            return "error body has other fields " + fields;
        }
        if (error.path("status").asInt() != answer.statusCode()) {
            return "error status differs from the HTTP status";
        }
        if (!error.path("error").isTextual() || error.path("error").asText().isBlank()) {
            return "error without a message";
        }
        if (error.has("field") && !error.get("field").isTextual() && !error.get("field").isNull()) {
            return "field is not text";
        }
        return null;
    }

    private HttpResponse<String> send(Caller caller, String method, String target, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api" + target)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (caller.csrf != null && !"GET".equals(method)) {
            request.header("X-CSRF-Token", caller.csrf);
        }
        if (caller.bearer != null) {
            request.header("Authorization", "Bearer " + caller.bearer);
        }
        return caller.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        for (int depth = 0; schema != null && schema.has("$ref") && depth < 10; depth++) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            schema = api.path("components").path("schemas").path(name);
        }
        return schema == null ? NODES.objectNode() : schema;
    }

    /** A parameter's value: mostly what the schema says, with boundaries and type violations. */
    private String scalar(JsonNode schema, boolean inPath) {
        String type = schema.path("type").asText("string");
        if (schema.has("enum") && random.nextInt(4) > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        int pick = random.nextInt(10);
        if (pick == 0) {
            return oddText();
        }
        switch (type) {
            case "integer":
            case "number":
                Long known = inPath && pick < 6 ? knownId() : null;
                if (known != null) {
                    return known.toString();
                }
                return Long.toString(number(schema));
            case "boolean":
                return pick < 5 ? "true" : pick < 9 ? "false" : "maybe";
            default:
                return string(schema);
        }
    }

    /** A number at or across the schema's bounds, or anywhere. */
    private long number(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : 1000;
        long[] choices = {min, min - 1, max, max + 1, 0, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L, 999_999,
            min + (long) (random.nextDouble() * Math.max(1, max - min))};
        long value = choices[random.nextInt(choices.length)];
        return protectedIds.contains(value) ? value + 1_000_000 : value;
    }

    private String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        int pick = random.nextInt(8);
        switch (format) {
            case "date":
                return pick < 4 ? LocalDate.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString()
                        : pick < 6 ? "2023-02-30" : pick == 6 ? "9999-12-31" : "0000-00-00";
            case "date-time":
                return pick < 5 ? Instant.now().plus(random.nextInt(2000) - 1000, ChronoUnit.DAYS).toString() : pick == 5 ? "2023-13-01T25:61:00Z" : "yesterday";
            case "email":
                return pick < 5 ? "fuzz" + random.nextInt(1000) + "@example.org" : "not an email";
            default:
                break;
        }
        switch (pick) {
            case 0: return "";
            case 1: return "FR";
            case 2: return text(1 + random.nextInt(40));
            case 3: return text(301 + random.nextInt(5000));
            case 4: return "name,desc";
            case 5: return oddText();
            default: return text(1 + random.nextInt(12));
        }
    }

    private String oddText() {
        String[] odd = {"%", "'; DROP TABLE X;--", "../../etc/passwd", "\u0000", "\uD83D\uDE00 ñ 漢字", "<script>alert(1)</script>", "=1+1",
            "1e309", "-0", "NaN", " ", "\\", "{", "[]", "null", "%2F", "a/b", "\t\n"};
        return odd[random.nextInt(odd.length)];
    }

    private String text(int length) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éü-_.,'\"";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }

    /** A JSON body from the schema; sometimes of the wrong shape altogether. */
    private String jsonBody(JsonNode api, JsonNode schema) {
        int pick = random.nextInt(20);
        switch (pick) {
            case 0: return "";
            case 1: return "{";
            case 2: return "[]";
            case 3: return "\"text\"";
            case 4: return "null";
            case 5: return "{\"unknownField\":1}";
            default:
                try {
                    return JSON.writeValueAsString(value(api, schema, 0));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
        }
    }

    private JsonNode value(JsonNode api, JsonNode schema, int depth) {
        schema = resolve(api, schema);
        if (random.nextInt(15) == 0) {
            return wrongType(schema);
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return random.nextInt(6) == 0 ? NODES.textNode("NOT_A_VALUE") : values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth > 3) {
                    return object;
                }
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (random.nextInt(10) < 8) {
                        object.set(property.getKey(), value(api, property.getValue(), depth + 1));
                    }
                });
                if (schema.path("additionalProperties").isObject() && random.nextBoolean()) {
                    object.set(text(2), value(api, schema.get("additionalProperties"), depth + 1));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int size = depth > 3 ? 0 : random.nextInt(10) == 0 ? 60 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(value(api, schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer":
            case "number":
                Long known = random.nextInt(3) == 0 ? knownId() : null;
                return random.nextInt(8) == 0 ? NODES.numberNode(1.5) : NODES.numberNode(known != null ? known : number(schema));
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return random.nextInt(12) == 0 ? NODES.nullNode() : NODES.textNode(string(schema));
        }
    }

    private JsonNode wrongType(JsonNode schema) {
        switch (schema.path("type").asText("object")) {
            case "string": return random.nextBoolean() ? NODES.numberNode(12) : NODES.objectNode();
            case "integer":
            case "number": return random.nextBoolean() ? NODES.textNode("twelve") : NODES.textNode("99999999999999999999999");
            case "array": return NODES.textNode("not a list");
            case "boolean": return NODES.textNode("yes");
            default: return NODES.arrayNode().add(1);
        }
    }

    /** Every part of the form: a small real PDF for the file, plausible text for the others. */
    private String plausibleMultipart(String boundary, JsonNode api, JsonNode schema) {
        StringBuilder parts = new StringBuilder();
        schema.path("properties").fields().forEachRemaining(property -> {
            parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(property.getKey()).append('"');
            if ("binary".equals(property.getValue().path("format").asText())) {
                parts.append("; filename=\"fuzz.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .append("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n").append("\r\n");
            } else {
                parts.append("\r\n\r\n").append(plausible(api, property.getValue(), property.getKey(), 1).asText()).append("\r\n");
            }
        });
        parts.append("--").append(boundary).append("--\r\n");
        return parts.toString();
    }

    private String multipart(String boundary, JsonNode api, JsonNode schema) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder parts = new StringBuilder();
        schema.path("properties").fields().forEachRemaining(property -> {
            if (random.nextInt(10) < 7) {
                parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(property.getKey()).append('"');
                boolean file = "binary".equals(property.getValue().path("format").asText()) || "file".equals(property.getKey());
                if (file) {
                    parts.append("; filename=\"").append(random.nextBoolean() ? "fuzz.pdf" : text(8)).append("\"\r\nContent-Type: ")
                            .append(random.nextBoolean() ? "application/pdf" : "text/plain");
                }
                parts.append("\r\n\r\n").append(file ? text(200) : scalar(resolve(api, property.getValue()), false)).append("\r\n");
            }
        });
        if (random.nextInt(3) > 0) {
            parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fuzz.pdf\"\r\n")
                    .append("Content-Type: application/pdf\r\n\r\n%PDF-1.4 ").append(text(100)).append("\r\n");
        }
        parts.append("--").append(boundary).append("--\r\n");
        body.writeBytes(parts.toString().getBytes(StandardCharsets.UTF_8));
        return body.toString(StandardCharsets.UTF_8);
    }

    /**
     * An encoded query value cut to {@code max} characters (never inside a %XX escape). Jetty refuses a
     * request whose line and headers pass 8 KB with its own 431 page before any platform code runs, as
     * it does control characters in paths (docs/api.md), so the query stays under {@link #QUERY_LIMIT}.
     */
    private static String bounded(String encoded, int max) {
        if (encoded.length() <= max) {
            return encoded;
        }
        String cut = encoded.substring(0, max);
        int escape = cut.lastIndexOf('%');
        return escape >= 0 && escape > cut.length() - 3 ? cut.substring(0, escape) : cut;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String line = text.replace("\n", "\\n");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
