package org.secretariat.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Modules installed, upgraded, rolled back and uninstalled while the platform runs, from REST and
 * from the Gogo console, against repositories holding four versions of the notes fixture module.
 * The tests share one framework and run in name order: the full lifecycle ("aModule...") starts from
 * a platform without modules; the others take the platform as they find it.
 */
@RunWith(PaxExam.class)
@org.junit.FixMethodOrder(org.junit.runners.MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(PerClass.class)
public class ModulesIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor gogo;

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private Http admin;

    @Configuration
    public Option[] configuration() {
        return PlatformOptions.platform("modules-it", PlatformOptions.freePort(), PlatformOptions.fixtureRepositories());
    }

    @Before
    public void loginAsAdministrator() throws Exception {
        admin = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
        assertEquals(200, admin.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
        assertEquals(200, admin.await("/api/platform/modules", 200, STARTUP).status);
    }

    @Test
    public void aModuleIsInstalledUpgradedRolledBackAndUninstalledWithItsDataKept() throws Exception {
        // Dry run: the plan, and nothing changes.
        Http.Answer plan = admin.post("/api/platform/modules/notes/install?version=1.0.0&dryRun=true", "");
        assertEquals(plan.toString(), 200, plan.status);
        assertTrue(plan.body, plan.json.get("steps").toString().contains("install org.secretariat.fixture.notes 1.0.0"));
        assertTrue(plan.body, plan.json.get("migrations").toString().contains("notes V1"));
        assertEquals("a dry run changes nothing", 404, admin.get("/api/notes").status);

        Http.Answer installed = admin.post("/api/platform/modules/notes/install?version=1.0.0", "");
        assertEquals(installed.toString(), 200, installed.status);
        assertEquals("REST appears as soon as the install answers", 200, admin.get("/api/notes").status);
        Http.Answer note = admin.post("/api/notes", "{\"text\":\"Survives every module operation\"}");
        assertEquals(201, note.status);
        long id = note.json.get("id").asLong();
        Bundle notes = notesBundle();
        long bundleId = notes.getBundleId();

        // Upgrade with a schema change keeps the rows.
        Http.Answer upgradePlan = admin.post("/api/platform/modules/notes/upgrade?version=2.0.0&dryRun=true", "");
        assertTrue(upgradePlan.body, upgradePlan.json.get("steps").toString().contains("update org.secretariat.fixture.notes 1.0.0 -> 2.0.0"));
        assertTrue(upgradePlan.body, upgradePlan.json.get("migrations").toString().contains("notes V2"));
        assertTrue(upgradePlan.body, upgradePlan.json.get("configurations").toString().contains("org.secretariat.fixture.notes"));
        assertEquals(200, admin.post("/api/platform/modules/notes/upgrade?version=2.0.0", "").status);
        org.osgi.service.cm.Configuration defaults = configurationAdmin.getConfiguration("org.secretariat.fixture.notes", "?");
        assertEquals("2.0.0's default configuration was applied", 200L, ((Number) defaults.getProperties().get("maxLength")).longValue());
        JsonNode upgraded = admin.get("/api/notes/" + id).json;
        assertEquals("Survives every module operation", upgraded.get("text").asText());
        assertFalse("2.0.0 shows the new field", upgraded.get("pinned").asBoolean());
        assertEquals("updated in place, not installed beside", bundleId, notesBundle().getBundleId());
        assertEquals("2.0.0", notesBundle().getVersion().toString());

        // Rollback to 1.0.0 keeps the newer schema and the data.
        assertEquals(200, admin.post("/api/platform/modules/notes/rollback", "").status);
        JsonNode rolledBack = admin.get("/api/notes/" + id).json;
        assertEquals("Survives every module operation", rolledBack.get("text").asText());
        assertFalse("1.0.0 does not know the field", rolledBack.has("pinned"));
        JsonNode listed = admin.get("/api/platform/modules").json.get("installed").get(0);
        assertEquals("1.0.0", listed.get("version").asText());
        assertEquals("2.0.0", listed.get("previousVersion").asText());
        assertEquals("ACTIVE", listed.get("state").asText());
        assertTrue(admin.get("/api/platform/schema").body.contains("\"version\":2"));

        // A version whose component fails is rolled back automatically.
        Http.Answer broken = admin.post("/api/platform/modules/notes/upgrade?version=3.0.0", "");
        assertEquals(broken.toString(), 422, broken.status);
        assertTrue(broken.body, broken.body.contains("simulated defect") && broken.body.contains("1.0.0 was put back"));
        assertEquals("the failed version's own default configuration is taken away again", null,
                configurationAdmin.listConfigurations("(service.pid=org.secretariat.fixture.notes.archive)"));
        assertEquals("1.0.0", notesBundle().getVersion().toString());
        assertEquals(200, admin.get("/api/notes/" + id).status);

        // An unresolvable version is refused before anything changes.
        int bundlesBefore = context.getBundles().length;
        Http.Answer unresolvable = admin.post("/api/platform/modules/notes/upgrade?version=4.0.0", "");
        assertEquals(unresolvable.toString(), 422, unresolvable.status);
        assertTrue(unresolvable.body, unresolvable.body.contains("missing package org.secretariat.nowhere"));
        assertTrue(unresolvable.body, unresolvable.body.contains("nothing was changed"));
        assertEquals(bundlesBefore, context.getBundles().length);
        assertEquals(bundleId, notesBundle().getBundleId());
        assertEquals("1.0.0", notesBundle().getVersion().toString());

        // Bad input: clear 4xx, nothing changed.
        assertEquals(404, admin.post("/api/platform/modules/notes/upgrade?version=9.9.9", "").status);
        assertEquals(404, admin.post("/api/platform/modules/agenda/install", "").status);
        assertEquals(409, admin.post("/api/platform/modules/notes/install", "").status);
        assertEquals(400, admin.post("/api/platform/modules/Not%20A%20Module/install", "").status);
        assertEquals(400, admin.post("/api/platform/modules/notes/rollback?dryRun=maybe", "").status);

        // Uninstall keeps the data; installing again finds it.
        assertEquals(200, admin.delete("/api/platform/modules/notes").status);
        assertEquals(404, admin.get("/api/notes").status);
        assertEquals(200, admin.post("/api/platform/modules/notes/install?version=2.0.0", "").status);
        assertEquals("Survives every module operation", admin.get("/api/notes/" + id).json.get("text").asText());

        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        assertTrue("no bundle left pending removal: " + wiring.getRemovalPendingBundles(), wiring.getRemovalPendingBundles().isEmpty());
        for (Bundle bundle : context.getBundles()) {
            assertFalse("no probe bundle left: " + bundle.getLocation(), bundle.getLocation().startsWith("secretariat:probe:"));
        }

        Http.Answer audit = admin.get("/api/platform/audit?action=module.&size=50");
        assertTrue(audit.body, audit.body.contains("module.upgrade") && audit.body.contains("failure") && audit.body.contains("module.rollback"));
    }

    @Test
    public void noRequestFailsWhileAModuleIsUpgradedAndRolledBackTwentyTimes() throws Exception {
        if (admin.get("/api/platform/modules").json.get("installed").size() == 0) {
            assertEquals(200, admin.post("/api/platform/modules/notes/install?version=1.0.0", "").status);
        }
        int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        LoadClients load = new LoadClients(() -> {
            Http client = new Http(port);
            try {
                assertEquals(200, client.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return client;
        }, "/api/notes?size=5", "/api/notes?size=5", "/api/platform/profile", "/api/platform/session");
        try {
            for (int i = 0; i < 20; i++) {
                String version = admin.get("/api/platform/modules").json.get("installed").get(0).get("version").asText();
                // Alternately forward to 2.0.0 and back to 1.0.0 (the schema stays at 2).
                Http.Answer answer = admin.post("/api/platform/modules/notes/upgrade?version=" + ("1.0.0".equals(version) ? "2.0.0" : "1.0.0"), "");
                assertEquals(answer.toString(), 200, answer.status);
            }
        } finally {
            load.close();
        }
        assertTrue("requests failed during the operations: " + load.firstFailures(), load.failures().isEmpty());
        assertTrue("the load ran: " + load.served(), load.served() > 100);
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        assertTrue("nothing pending removal after the cycles", wiring.getRemovalPendingBundles().isEmpty());
    }

    @Test
    public void swappingAnImplementationRebindsItsConsumerWithoutRestartingIt() throws Exception {
        Http anyone = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, admin.post("/api/platform/modules/greeter/install?version=1.0.0", "").status);
        assertEquals(200, admin.post("/api/platform/modules/welcome/install", "").status);
        Http.Answer formal = anyone.get("/api/welcome?name=Ana");
        assertEquals(formal.toString(), "Good day, Ana.", formal.json.get("greeting").asText());
        String startedAt = formal.json.get("startedAt").asText();
        long apiBundle = bundle("org.secretariat.fixture.greeter.api").getBundleId();

        Http.Answer plan = admin.post("/api/platform/modules/greeter/upgrade?version=1.1.0&dryRun=true", "");
        String steps = plan.json.get("steps").toString();
        assertTrue(steps, steps.contains("uninstall org.secretariat.fixture.greeter.formal 1.0.0")
                && steps.contains("install org.secretariat.fixture.greeter.casual 1.1.0"));
        assertFalse("the API bundle stays: " + steps, steps.contains("greeter.api"));
        assertEquals("no other module is refreshed: " + plan.body, 0, plan.json.get("refresh").size());

        LoadClients load = new LoadClients(() -> anyone, "/api/welcome?name=Ana");
        try {
            for (int i = 0; i < 10; i++) {
                Http.Answer swap = admin.post("/api/platform/modules/greeter/upgrade?version=" + (i % 2 == 0 ? "1.1.0" : "1.0.0"), "");
                assertEquals(swap.toString(), 200, swap.status);
            }
            Http.Answer swapped = admin.post("/api/platform/modules/greeter/upgrade?version=1.1.0", "");
            assertEquals(swapped.toString(), 200, swapped.status);
        } finally {
            load.close();
        }
        Http.Answer casual = anyone.get("/api/welcome?name=Ana");
        assertEquals("Hi Ana!", casual.json.get("greeting").asText());
        assertEquals("the consumer was never restarted", startedAt, casual.json.get("startedAt").asText());
        assertEquals("the API bundle stayed", apiBundle, bundle("org.secretariat.fixture.greeter.api").getBundleId());
        assertTrue("no request failed during the swaps: " + load.firstFailures(), load.failures().isEmpty());
        assertTrue("the load ran: " + load.served(), load.served() > 20);

        assertEquals(200, admin.delete("/api/platform/modules/greeter").status);
        Http.Answer without = anyone.get("/api/welcome?name=Ana");
        assertEquals("the consumer degrades when the API's implementation is gone", 503, without.status);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    @Test
    public void aSecondOperationWhileOneRunsIsRefusedWithNothingChanged() throws Exception {
        int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        String version = admin.get("/api/platform/modules").json.get("installed").size() == 0 ? null
                : admin.get("/api/platform/modules").json.get("installed").get(0).get("version").asText();
        if (version == null) {
            assertEquals(200, admin.post("/api/platform/modules/notes/install?version=1.0.0", "").status);
            version = "1.0.0";
        }
        String target = "1.0.0".equals(version) ? "2.0.0" : "1.0.0";
        // A request still being sent keeps the first operation waiting for it (it drains requests first).
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", port)) {
            send(slow, "POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{\"text\":");
            Thread.sleep(300);
            java.util.concurrent.CompletableFuture<Http.Answer> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return admin.post("/api/platform/modules/notes/upgrade?version=" + target, "");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Http.Answer running = admin.await("/api/platform/modules/operation", 200, Duration.ofSeconds(2));
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (running.json.path("running").isMissingNode() && System.nanoTime() < deadline) {
                running = admin.get("/api/platform/modules/operation");
            }
            assertFalse("the first operation is running: " + running, running.json.path("running").isMissingNode());
            Http.Answer second = admin.post("/api/platform/modules/notes/rollback", "");
            assertEquals(second.toString(), 409, second.status);
            assertTrue(second.body, second.body.contains("Another module operation is running"));
            send(slow, "\"late\"}  ");
            assertEquals(200, first.get(30, java.util.concurrent.TimeUnit.SECONDS).status);
        }
        assertEquals(target, admin.get("/api/platform/modules").json.get("installed").get(0).get("version").asText());
    }

    private static void send(java.net.Socket socket, String text) throws java.io.IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    @Test
    public void theGogoConsoleOffersTheSameOperations() throws Exception {
        String repositories = command("module:repos");
        assertTrue(repositories, repositories.contains("notes-v2"));
        String list = command("module:list");
        assertTrue(list, list.contains("notes") && list.contains("1.0.0, 2.0.0, 3.0.0, 4.0.0"));
        String unknown = command("module:install agenda --dry-run");
        assertTrue(unknown, unknown.startsWith("error: No repository has a module agenda"));
        String plan = command("module:upgrade notes 2.0.0 --dry-run");
        assertTrue(plan, plan.contains("2.0.0") && (plan.contains("dry run: nothing changed") || plan.startsWith("error: Module notes")));
        String usage = command("module:rollback notes 1.0.0");
        assertTrue(usage, usage.startsWith("error:"));
    }

    private String command(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = gogo.createSession(System.in, print, print);
        try {
            Object result = session.execute(line);
            return result == null ? out.toString(StandardCharsets.UTF_8) : result.toString();
        } finally {
            session.close();
        }
    }

    private Bundle notesBundle() {
        List<Bundle> found = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if ("org.secretariat.fixture.notes".equals(bundle.getSymbolicName())) {
                found.add(bundle);
            }
        }
        assertEquals("exactly one notes bundle: " + found, 1, found.size());
        return found.get(0);
    }
}
