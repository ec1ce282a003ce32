package org.secretariat.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

/**
 * Deny by default, checked from the outside: every resource method the JAX-RS whiteboard reports
 * (so a new endpoint cannot escape) is called anonymously and as each role, and must answer as the
 * access table below says. An endpoint missing from the table fails the test: its access is a
 * decision to write down here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String PUBLIC = "public";
    private static final Set<String> ALL = Set.of("ADMINISTRATOR", "DIRECTOR", "SPECIALIST", "ASSISTANT", "CONSULTANT");
    private static final Set<String> STAFF_WRITERS = Set.of("ADMINISTRATOR", "DIRECTOR", "SPECIALIST", "ASSISTANT");
    private static final Set<String> ADMIN = Set.of("ADMINISTRATOR");

    /** Who may call each endpoint: "public", or the roles allowed. */
    private static final Map<String, Object> ACCESS = new TreeMap<>();

    static {
        ACCESS.put("GET /platform/health", PUBLIC);
        ACCESS.put("GET /platform/profile", PUBLIC);
        ACCESS.put("POST /platform/session", PUBLIC);
        ACCESS.put("GET /platform/schema", ADMIN);
        ACCESS.put("GET /platform/session", ALL);
        ACCESS.put("DELETE /platform/session", ALL);
        ACCESS.put("POST /platform/session/password", ALL);
        ACCESS.put("GET /platform/users", ADMIN);
        ACCESS.put("POST /platform/users", ADMIN);
        ACCESS.put("GET /platform/users/{id}", ADMIN);
        ACCESS.put("PUT /platform/users/{id}", ADMIN);
        ACCESS.put("DELETE /platform/users/{id}", ADMIN);
        ACCESS.put("POST /platform/users/{id}/password", ADMIN);
        ACCESS.put("POST /platform/users/{id}/unlock", ADMIN);
        ACCESS.put("GET /platform/tokens", ALL);
        ACCESS.put("POST /platform/tokens", ALL);
        ACCESS.put("DELETE /platform/tokens/{id}", ALL);
        ACCESS.put("GET /platform/permissions", ADMIN);
        ACCESS.put("PUT /platform/permissions/{permission}", ADMIN);
        ACCESS.put("GET /platform/audit", Set.of("ADMINISTRATOR", "DIRECTOR"));
        ACCESS.put("GET /platform/audit/export.csv", Set.of("ADMINISTRATOR", "DIRECTOR"));
        ACCESS.put("GET /platform/modules", ADMIN);
        ACCESS.put("GET /platform/modules/operation", ADMIN);
        ACCESS.put("GET /platform/modules/repositories", ADMIN);
        ACCESS.put("POST /platform/backup", ADMIN);
        ACCESS.put("GET /platform/backup", ADMIN);
        ACCESS.put("GET /platform/mail/outbox", ADMIN);
        ACCESS.put("GET /platform/mail/outbox/{id}", ADMIN);
        ACCESS.put("POST /platform/mail/outbox/{id}/retry", ADMIN);
        ACCESS.put("GET /platform/mail/status", ADMIN);
        ACCESS.put("POST /platform/mail/test", ADMIN);
        ACCESS.put("PUT /platform/modules/repositories", ADMIN);
        ACCESS.put("POST /platform/modules/{id}/install", ADMIN);
        ACCESS.put("POST /platform/modules/{id}/upgrade", ADMIN);
        ACCESS.put("POST /platform/modules/{id}/rollback", ADMIN);
        ACCESS.put("DELETE /platform/modules/{id}", ADMIN);
        ACCESS.put("GET /platform/web/navigation", ALL);
        // the API's description: administrators only unless org.secretariat.api publicDescription=true (ApiDescriptionIT)
        ACCESS.put("GET /openapi.json", ADMIN);
        ACCESS.put("GET /openapi.yaml", ADMIN);
        ACCESS.put("GET /notes", ALL);
        ACCESS.put("GET /notes/{id}", ALL);
        ACCESS.put("POST /notes", STAFF_WRITERS);
        ACCESS.put("PUT /notes/{id}", STAFF_WRITERS);
    }

    @Inject
    private BundleContext context;

    @Inject
    private JaxrsServiceRuntime runtime;

    private int port;
    private Http admin;

    @Configuration
    public Option[] configuration() {
        return PlatformOptions.platform("security-it", PlatformOptions.freePort(), PlatformOptions.notesModule());
    }

    @Before
    public void loginAsAdministrator() throws Exception {
        port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        admin = new Http(port);
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
        assertEquals("the notes module is up and protected", 401, admin.await("/api/notes", 401, STARTUP).status);
        Http.Answer login = admin.login("admin", PlatformOptions.ADMIN_PASSWORD);
        assertEquals(login.toString(), 200, login.status);
    }

    /** Every resource method the whiteboard serves, as "METHOD /path" relative to /api. */
    private List<String> endpoints() {
        List<String> endpoints = new ArrayList<>();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(runtime.getRuntimeDTO().applicationDTOs));
        applications.add(runtime.getRuntimeDTO().defaultApplication);
        for (ApplicationDTO application : applications) {
            if (application == null || application.resourceDTOs == null) {
                continue;
            }
            for (ResourceDTO resource : application.resourceDTOs) {
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    String path = ("/" + method.path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                    endpoints.add(method.method + " " + path);
                }
            }
        }
        return endpoints;
    }

    private static String concrete(String path) {
        return "/api" + path.replace("{id}", "999999").replace("{permission}", "notes.note.read");
    }

    @Test
    public void everyEndpointHasAnAccessDecisionAndAnonymousCallersGet401UnlessPublic() throws Exception {
        List<String> endpoints = endpoints();
        assertTrue("the whiteboard reports the platform's endpoints: " + endpoints, endpoints.size() >= ACCESS.size());
        Set<String> undecided = new TreeSet<>();
        Map<String, Integer> wrong = new LinkedHashMap<>();
        Http anonymous = new Http(port);
        for (String endpoint : endpoints) {
            Object access = ACCESS.get(endpoint);
            if (access == null) {
                undecided.add(endpoint);
                continue;
            }
            String[] parts = endpoint.split(" ", 2);
            int status = anonymous.call(parts[0], concrete(parts[1])).status;
            if (PUBLIC.equals(access) ? status == 401 || status == 403 : status != 401) {
                wrong.put(endpoint, status);
            }
        }
        assertTrue("endpoints without an access decision in SecurityIT.ACCESS: " + undecided, undecided.isEmpty());
        assertTrue("anonymous answers that break deny-by-default: " + wrong, wrong.isEmpty());
    }

    @Test
    public void eachRoleGetsExactlyWhatTheAccessTableSays() throws Exception {
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (String role : ALL) {
            Http user = userWithRole(role);
            for (String endpoint : endpoints()) {
                Object access = ACCESS.get(endpoint);
                if (access == null || PUBLIC.equals(access) || endpoint.equals("POST /platform/tokens")) {
                    // Token creation needs a session whatever the role; these callers use tokens (see aTokenCannotMintAnotherToken).
                    continue;
                }
                String[] parts = endpoint.split(" ", 2);
                int status = user.call(parts[0], concrete(parts[1])).status;
                boolean allowed = ((Set<?>) access).contains(role);
                if (status == 401 || (allowed ? status == 403 : status != 403)) {
                    wrong.put(role + " " + endpoint, status);
                }
            }
        }
        assertTrue("role x endpoint answers that differ from the access table: " + wrong, wrong.isEmpty());
    }

    /** A new user with one role, logged in, password changed, calling with an API token. */
    private Http userWithRole(String role) throws Exception {
        Http user = admin.newUser(role);
        Http.Answer token = user.post("/api/platform/tokens", "{\"name\":\"matrix\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
        assertEquals(token.toString(), 201, token.status);
        return new Http(port).withToken(token.json.get("token").asText());
    }

    @Test
    public void aTokenCannotMintAnotherToken() throws Exception {
        Http script = userWithRole("DIRECTOR");
        Http.Answer minted = script.post("/api/platform/tokens", "{\"name\":\"second\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
        assertEquals(minted.toString(), 403, minted.status);
        assertEquals("a token still lists its user's tokens", 200, script.get("/api/platform/tokens").status);
    }

    @Test
    public void stateChangingCallsWithASessionNeedTheCsrfHeader() throws Exception {
        String body = "{\"name\":\"csrf\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}";
        Http.Answer withHeader = admin.post("/api/platform/tokens", body);
        assertEquals(withHeader.toString(), 201, withHeader.status);
        Http.Answer without = admin.withoutCsrf().post("/api/platform/tokens", body);
        assertEquals(without.toString(), 403, without.status);
        assertTrue(without.body, without.body.contains("X-CSRF-Token"));
        assertEquals("reads need no CSRF token", 200, admin.get("/api/platform/tokens").status);
    }

    @Test
    public void stateChangingCallsFromAnotherSiteAreRefusedByTheirOrigin() throws Exception {
        String body = "{\"name\":\"origin\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}";
        Http.Answer foreign = admin.postWithOrigin("/api/platform/tokens", body, "https://evil.example.org");
        assertEquals(foreign.toString(), 403, foreign.status);
        assertTrue(foreign.body, foreign.body.contains("Cross-origin"));
        Http.Answer foreignLogin = new Http(port).postWithOrigin("/api/platform/session",
                "{\"username\":\"admin\",\"password\":\"" + PlatformOptions.ADMIN_PASSWORD + "\"}", "null");
        assertEquals("no login from a sandboxed page either: " + foreignLogin, 403, foreignLogin.status);
        Http.Answer sameSite = admin.postWithOrigin("/api/platform/tokens", body, "http://127.0.0.1:" + port);
        assertEquals(sameSite.toString(), 201, sameSite.status);
    }

    @Test
    public void bruteForceIsAnsweredWith429AndRetryAfter() throws Exception {
        String username = "target-" + System.nanoTime();
        assertEquals(201, admin.post("/api/platform/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Target\",\"roles\":[\"ASSISTANT\"],\"password\":\"the right password\"}").status);
        Http attacker = new Http(port);
        int tries = 0;
        Http.Answer answer;
        do {
            answer = attacker.login(username, "guess number " + tries);
            tries++;
        } while (answer.status == 401 && tries < 20);
        assertEquals(answer.toString(), 429, answer.status);
        assertEquals("the sixth attempt is refused", 6, tries);
        long retryAfter = Long.parseLong(answer.headers.firstValue("Retry-After").orElseThrow());
        assertTrue("Retry-After " + retryAfter, retryAfter > 0 && retryAfter <= 15 * 60);
        assertEquals("even the right password waits", 429, attacker.login(username, "the right password").status);
    }

    @Test
    public void aRevokedTokenIsRefused() throws Exception {
        Http.Answer created = admin.post("/api/platform/tokens", "{\"name\":\"script\",\"expiresAt\":\"" + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}");
        assertEquals(201, created.status);
        Http script = new Http(port).withToken(created.json.get("token").asText());
        assertEquals(200, script.get("/api/platform/session").status);
        assertFalse("the list never shows the token", admin.get("/api/platform/tokens").body.contains(created.json.get("token").asText()));
        assertEquals(204, admin.delete("/api/platform/tokens/" + created.json.get("id").asLong()).status);
        assertEquals(401, script.get("/api/platform/session").status);
        assertEquals(401, new Http(port).withToken("sec_not-a-token").get("/api/platform/session").status);
    }

    @Test
    public void aConsultantPastTheAccessEndDateIsRefused() throws Exception {
        String username = "consultant-" + System.nanoTime();
        Http.Answer created = admin.post("/api/platform/users", "{\"username\":\"" + username + "\",\"displayName\":\"Consultant\","
                + "\"roles\":[\"CONSULTANT\"],\"password\":\"first password 1\",\"accessEndDate\":\"" + LocalDate.now().plusDays(10) + "\"}");
        assertEquals(created.toString(), 201, created.status);
        Http consultant = new Http(port);
        assertEquals(200, consultant.login(username, "first password 1").status);
        assertEquals(204, consultant.post("/api/platform/session/password",
                "{\"currentPassword\":\"first password 1\",\"newPassword\":\"second password 2\"}").status);
        assertEquals(200, consultant.get("/api/notes").status);
        Http.Answer token = consultant.post("/api/platform/tokens", "{\"name\":\"t\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
        Http script = new Http(port).withToken(token.json.get("token").asText());

        long id = created.json.get("id").asLong();
        int version = admin.get("/api/platform/users/" + id).json.get("version").asInt();
        Http.Answer ended = admin.put("/api/platform/users/" + id, "{\"displayName\":\"Consultant\",\"roles\":[\"CONSULTANT\"],"
                + "\"accessEndDate\":\"" + LocalDate.now().minusDays(1) + "\",\"version\":" + version + "}");
        assertEquals(ended.toString(), 200, ended.status);
        assertEquals("session of an ended consultant", 401, consultant.get("/api/notes").status);
        assertEquals("token of an ended consultant", 401, script.get("/api/notes").status);
        assertEquals("login of an ended consultant", 401, new Http(port).login(username, "second password 2").status);
        assertEquals("a consultant needs an end date", 400, admin.post("/api/platform/users", "{\"username\":\"c" + System.nanoTime()
                + "\",\"displayName\":\"C\",\"roles\":[\"CONSULTANT\"],\"password\":\"first password 1\"}").status);
    }

    @Test
    public void noAccountHasAKnownDefaultPassword() throws Exception {
        for (String guess : new String[] {"admin", "password", "secretariat", "changeme"}) {
            assertEquals(401, new Http(port).login("admin", guess).status);
        }
        Http.Answer users = admin.get("/api/platform/users?size=500");
        assertEquals(200, users.status);
        for (var user : users.json.get("items")) {
            assertFalse("no hash or password is ever shown", user.has("password") || user.has("passwordHash"));
        }
    }

    @Test
    public void theFelixWebConsoleIsForAdministratorsOnlyAndHasNoDefaultLogin() throws Exception {
        Http anonymous = new Http(port);
        assertEquals(401, anonymous.get("/system/console/bundles").status);
        var basic = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/system/console/bundles"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("the console's own admin/admin is never accepted", 401, basic.statusCode());
        Http.Answer console = admin.get("/system/console/bundles");
        assertEquals(200, console.status);
        assertTrue(console.body.contains("Apache Felix Web Console"));
        assertEquals("a non-administrator is refused", 403, userWithRole("DIRECTOR").get("/system/console/bundles").status);
    }

    @Test
    public void theStaffAppServesModulePagesOnlyToLoggedInStaffAndOnlyKnownFiles() throws Exception {
        String page = "/app/modules/org.secretariat.platform.web/admin/modules.js";
        Http anonymous = new Http(port);
        assertEquals("the shell itself (login page) is public", 200, anonymous.get("/app/").status);
        assertEquals(401, anonymous.get(page).status);
        assertEquals(200, admin.get(page).status);
        assertEquals(200, userWithRole("CONSULTANT").get(page).status);
        for (String probe : new String[] {"/app/modules/org.secretariat.platform.web/../META-INF/MANIFEST.MF",
                "/app/modules/org.secretariat.platform.web/%2e%2e/META-INF/MANIFEST.MF",
                "/app/modules/org.secretariat.platform.core/anything.js",
                "/app/modules/org.secretariat.platform.web/admin/modules.class",
                "/app/shell/../web/admin/modules.js"}) {
            int status = admin.get(probe).status;
            assertTrue(probe + " answered " + status, status == 404 || status == 400);
        }
        assertEquals("pages are read-only", 405, admin.post("/app/shell/ui.js", "{}").status);
        // The navigation lists the administration pages to administrators only.
        assertTrue(admin.get("/api/platform/web/navigation").body.contains("\"id\":\"modules\""));
        String consultantNavigation = userWithRole("CONSULTANT").get("/api/platform/web/navigation").body;
        assertFalse(consultantNavigation, consultantNavigation.contains("\"id\":\"modules\""));
        assertTrue(consultantNavigation, consultantNavigation.contains("\"id\":\"tokens\""));
    }

    @Test
    public void securityHeadersAreOnEveryResponse() throws Exception {
        for (String path : new String[] {"/api/platform/health", "/api/no/such/path", "/api/platform/users", "/app/", "/app/shell/ui.js",
            "/", "/WEB-INF/web.xml", "/no/such/page", "/system/console"}) {
            var response = new Http(port).raw(path);
            assertFalse(path + " names no internal servlet: " + response.body(), response.body().contains("Servlet") || response.body().contains("org.apache"));
            assertTrue(path, response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
            // The Felix Web Console is built on inline scripts: its policy allows them there, for administrators only.
            assertEquals(path, path.startsWith("/system/console"), response.headers().firstValue("Content-Security-Policy").orElse("").contains("unsafe-inline"));
            assertEquals(path, "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals(path, "DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
            assertEquals(path, "no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
        }
    }

    @Test
    public void writesAndLoginsAreAuditedWithoutSecretsAndExportedAsCsv() throws Exception {
        assertEquals(401, new Http(port).login("admin", "not the password").status);
        String username = "audited-" + System.nanoTime();
        assertEquals(201, admin.post("/api/platform/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Audited\",\"roles\":[\"ASSISTANT\"],\"password\":\"a secret password\"}").status);
        assertEquals(201, admin.post("/api/notes", "{\"text\":\"audited note\"}").status);

        Http.Answer userCreation = admin.get("/api/platform/audit?action=POST%20/api/platform/users&size=10");
        assertEquals(userCreation.toString(), 200, userCreation.status);
        assertTrue(userCreation.body, userCreation.json.get("total").asLong() >= 1);
        var event = userCreation.json.get("items").get(0);
        assertEquals("admin", event.get("actor").asText());
        assertEquals("201", event.get("outcome").asText());
        assertTrue(event.get("detail").asText(), event.get("detail").asText().contains(username));
        assertFalse("passwords never reach the audit log", userCreation.body.contains("a secret password"));

        Http.Answer failures = admin.get("/api/platform/audit?action=security.login&outcome=failure");
        assertTrue(failures.body, failures.json.get("total").asLong() >= 1);
        assertNotNull(admin.get("/api/platform/audit?actor=admin&action=POST%20/api/notes").json.get("items").get(0));
        assertEquals(400, admin.get("/api/platform/audit?from=yesterday").status);

        // By cursor: the same events as the numbered pages (the logins: nothing else logs in meanwhile), without a total.
        java.util.List<String> numbered = new java.util.ArrayList<>();
        admin.get("/api/platform/audit?action=security.login&size=500").json.get("items").forEach(item -> numbered.add(item.toString()));
        java.util.List<String> walked = new java.util.ArrayList<>();
        String next = "";
        while (next != null) {
            Http.Answer byCursor = admin.get("/api/platform/audit?action=security.login&size=3&after=" + next);
            assertEquals(byCursor.toString(), 200, byCursor.status);
            assertFalse("a page by cursor counts nothing: " + byCursor.body, byCursor.json.has("total"));
            byCursor.json.get("items").forEach(item -> walked.add(item.toString()));
            next = byCursor.json.has("next") ? byCursor.json.get("next").asText() : null;
        }
        assertTrue(numbered.toString(), numbered.size() >= 2);
        assertEquals(numbered, walked);
        next = admin.get("/api/platform/audit?size=1").json.get("next").asText();
        Http.Answer otherOrder = admin.get("/api/platform/audit?size=3&sort=occurredAt,asc&after=" + next);
        assertEquals(otherOrder.body, 400, otherOrder.status);
        assertEquals("after", otherOrder.json.get("field").asText());
        assertEquals(400, admin.get("/api/platform/audit?page=1&after=" + next).status);

        var csv = admin.raw("/api/platform/audit/export.csv?action=security.login");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse(""), csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("occurredAt,actor,address,action,entity,outcome,detail"));
        assertTrue(csv.body(), csv.body().contains("security.login"));

        Http assistant = new Http(port);
        assertEquals(200, assistant.login(username, "a secret password").status);
        assertEquals("an assistant does not read the audit log", 403, assistant.get("/api/platform/audit").status);
    }

    @Test
    public void theCsvExportWritesEveryEventOnceAcrossItsBatches() throws Exception {
        // More events under one action than one export batch (1000), so the export reads several pages.
        Http writer = admin.newUser("SPECIALIST");
        String expiry = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        for (int i = 0; i < 1100; i++) {
            assertEquals(201, writer.post("/api/platform/tokens", "{\"name\":\"batch " + i + "\",\"expiresAt\":\"" + expiry + "\"}").status);
        }
        String action = "POST%20/api/platform/tokens";
        long total = admin.get("/api/platform/audit?action=" + action + "&size=1").json.get("total").asLong();
        assertTrue("total " + total, total >= 1100);
        var csv = admin.raw("/api/platform/audit/export.csv?action=" + action);
        List<String> rows = csv.body().lines().skip(1).collect(java.util.stream.Collectors.toList());
        assertEquals("one row per event, none twice or skipped at the batch boundaries", total, rows.size());
    }

    @Test
    public void usersAreAdministeredWithOptimisticLockingAndTheLastAdministratorIsKept() throws Exception {
        // Other tests create administrators: demote them so that "admin" is the last one.
        long adminId = -1;
        int adminVersion = -1;
        for (var user : admin.get("/api/platform/users?sort=username,asc&size=500").json.get("items")) {
            boolean administrator = user.get("roles").toString().contains("ADMINISTRATOR");
            if (user.get("username").asText().equals("admin")) {
                adminId = user.get("id").asLong();
                adminVersion = user.get("version").asInt();
            } else if (administrator) {
                assertEquals(200, admin.put("/api/platform/users/" + user.get("id").asLong(), "{\"displayName\":\"Demoted\","
                        + "\"roles\":[\"DIRECTOR\"],\"version\":" + user.get("version").asInt() + "}").status);
            }
        }
        Http.Answer demote = admin.put("/api/platform/users/" + adminId, "{\"displayName\":\"Administrator\",\"roles\":[\"DIRECTOR\"],\"version\":" + adminVersion + "}");
        assertEquals(demote.toString(), 409, demote.status);
        assertEquals(409, admin.delete("/api/platform/users/" + adminId).status);

        String username = "edited-" + System.nanoTime();
        Http.Answer created = admin.post("/api/platform/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Before\",\"roles\":[\"ASSISTANT\"],\"password\":\"first password 1\"}");
        long id = created.json.get("id").asLong();
        int version = created.json.get("version").asInt();
        assertEquals(200, admin.put("/api/platform/users/" + id, "{\"displayName\":\"After\",\"roles\":[\"SPECIALIST\"],\"version\":" + version + "}").status);
        Http.Answer stale = admin.put("/api/platform/users/" + id, "{\"displayName\":\"Late\",\"roles\":[\"SPECIALIST\"],\"version\":" + version + "}");
        assertEquals(stale.toString(), 409, stale.status);
        assertEquals(409, admin.post("/api/platform/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Again\",\"roles\":[\"ASSISTANT\"],\"password\":\"first password 1\"}").status);
        assertEquals("field", "username", admin.post("/api/platform/users", "{\"username\":\"Bad Name!\",\"displayName\":\"x\",\"roles\":[\"ASSISTANT\"],\"password\":\"first password 1\"}").json.get("field").asText());
        assertEquals("password", admin.post("/api/platform/users", "{\"username\":\"shortpw\",\"displayName\":\"x\",\"roles\":[\"ASSISTANT\"],\"password\":\"short\"}").json.get("field").asText());
        assertEquals("roles[0]", admin.post("/api/platform/users", "{\"username\":\"badrole\",\"displayName\":\"x\",\"roles\":[\"KING\"],\"password\":\"first password 1\"}").json.get("field").asText());
        assertEquals(204, admin.delete("/api/platform/users/" + id).status);
        assertEquals(404, admin.get("/api/platform/users/" + id).status);
    }

    @Test
    public void anAdministratorChangesWhichRolesHoldAPermission() throws Exception {
        Http.Answer permissions = admin.get("/api/platform/permissions");
        assertEquals(200, permissions.status);
        assertTrue(permissions.body, permissions.body.contains("notes.note.write"));
        String username = "writer-" + System.nanoTime();
        assertEquals(201, admin.post("/api/platform/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Writer\",\"roles\":[\"ASSISTANT\"],\"password\":\"first password 1\"}").status);
        Http assistant = new Http(port);
        assistant.login(username, "first password 1");
        assistant.post("/api/platform/session/password", "{\"currentPassword\":\"first password 1\",\"newPassword\":\"second password 2\"}");
        assertEquals(201, assistant.post("/api/notes", "{\"text\":\"allowed\"}").status);
        try {
            assertEquals(200, admin.put("/api/platform/permissions/notes.note.write", "{\"roles\":[\"DIRECTOR\",\"ADMINISTRATOR\"]}").status);
            assertEquals(403, assistant.post("/api/notes", "{\"text\":\"no longer allowed\"}").status);
        } finally {
            admin.put("/api/platform/permissions/notes.note.write", "{\"roles\":[\"ADMINISTRATOR\",\"DIRECTOR\",\"SPECIALIST\",\"ASSISTANT\"]}");
        }
        assertEquals(404, admin.put("/api/platform/permissions/no.such.permission", "{\"roles\":[]}").status);
        assertNotEquals(401, admin.get("/api/platform/permissions").status);
    }
}
