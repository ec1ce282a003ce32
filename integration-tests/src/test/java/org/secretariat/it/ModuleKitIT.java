package org.secretariat.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The module kit as another treaty unit uses it, outside this repository: a module generated from the
 * archetype into a temporary folder and built by Maven in a child process against this build's
 * artifacts ({@link KitMaven}): its unit tests, its feature, and its own integration test, which
 * installs it on the distribution started with bin/secretariat. Then, on a running platform, the
 * generated module is installed from its repository folder, upgraded to a second version with a
 * second migration, rolled back and uninstalled, its data kept and its REST resource answering.
 *
 * <p>The second version is made from the kit's generated sources without editing any of them: the
 * archetype is run again with the same parameters and version 1.1.0, and the one file a developer adds
 * for a schema change, {@code V2__*.sql}, is added beside the generated {@code V1__initial_schema.sql}
 * (which must stay byte for byte what 1.0.0 shipped: the platform refuses a changed applied migration).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleKitIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String MODULE = "outreach";
    private static final String RECORDS = "/api/outreach/missions";
    private static final String[] PARAMETERS = {"groupId=org.example.kit", "moduleId=" + MODULE, "entity=Mission"};
    private static final String MIGRATIONS = "outreach-impl/src/main/resources/db/migration/";

    @Inject
    private BundleContext context;

    private Http admin;

    @Configuration
    public Option[] configuration() {
        return PlatformOptions.platform("module-kit-it", PlatformOptions.freePort());
    }

    @Before
    public void loginAsAdministrator() throws Exception {
        admin = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
        assertEquals(200, admin.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
    }

    @Test
    public void aGeneratedModuleBuildsInstallsUpgradesRollsBackAndUninstallsWithItsDataKept() throws Exception {
        Path work = PlatformOptions.path("it.data").resolve("module-kit-" + System.nanoTime());
        KitMaven maven = new KitMaven(work);
        deleteTree(PlatformOptions.path("kit.repository").resolve("org/example/kit")); // a previous run's module

        // 1.0.0 as generated: unit tests, feature, and its own integration test on bin/secretariat.
        Path first = maven.generate(work.resolve("1.0.0"), MODULE, append(PARAMETERS, "version=1.0.0"));
        assertTrue(Files.isRegularFile(first.resolve(".gitignore")));
        maven.build(first, 240, "install");
        assertTrue("the generated integration test ran", Files.isRegularFile(
                first.resolve("outreach-it/target/failsafe-reports/TEST-org.example.kit.outreach.it.MissionModuleIT.xml")));

        // 1.1.0: generated again, plus a second migration; its own integration test is left out here.
        Path second = maven.generate(work.resolve("1.1.0"), MODULE, append(PARAMETERS, "version=1.1.0"));
        Files.writeString(second.resolve(MIGRATIONS + "V2__mission_place.sql"),
                "-- 1.1.0: where a mission goes (a column added, with no default: older versions ignore it)\n"
                + "ALTER TABLE OUTREACH_MISSION ADD COLUMN PLACE VARCHAR(200);\n");
        assertArrayEquals("the shipped V1 is never edited", Files.readAllBytes(first.resolve(MIGRATIONS + "V1__initial_schema.sql")),
                Files.readAllBytes(second.resolve(MIGRATIONS + "V1__initial_schema.sql")));
        maven.build(second, 180, "install", "-DskipITs");

        addRepository(first.resolve("outreach-feature/target/repository"));
        addRepository(second.resolve("outreach-feature/target/repository"));
        String available = admin.get("/api/platform/modules").body;
        assertTrue(available, available.contains("1.0.0") && available.contains("1.1.0"));

        Http.Answer installed = admin.post("/api/platform/modules/outreach/install?version=1.0.0", "");
        assertEquals(installed.toString(), 200, installed.status);
        Http.Answer created = admin.post(RECORDS, "{\"title\":\"Assessment mission\",\"notes\":\"kept through every operation\"}");
        assertEquals(created.toString(), 201, created.status);
        long id = created.json.get("id").asLong();
        assertEquals(1, schemaVersion());

        Http.Answer plan = admin.post("/api/platform/modules/outreach/upgrade?version=1.1.0&dryRun=true", "");
        assertEquals(plan.toString(), 200, plan.status);
        assertTrue(plan.body, plan.json.get("migrations").toString().contains("outreach V2"));
        Http.Answer upgraded = admin.post("/api/platform/modules/outreach/upgrade?version=1.1.0", "");
        assertEquals(upgraded.toString(), 200, upgraded.status);
        assertEquals(2, schemaVersion());
        assertKept(id);
        assertEquals(201, admin.post(RECORDS, "{\"title\":\"Second mission\"}").status);

        Http.Answer rolledBack = admin.post("/api/platform/modules/outreach/rollback", "");
        assertEquals(rolledBack.toString(), 200, rolledBack.status);
        JsonNode listed = admin.get("/api/platform/modules").json.get("installed").get(0);
        assertEquals("1.0.0", listed.get("version").asText());
        assertEquals("1.1.0", listed.get("previousVersion").asText());
        assertEquals("the newer schema stays", 2, schemaVersion());
        assertKept(id);
        assertEquals(2, admin.get(RECORDS).json.get("total").asInt());

        Http.Answer uninstalled = admin.delete("/api/platform/modules/outreach");
        assertEquals(uninstalled.toString(), 200, uninstalled.status);
        assertEquals(404, admin.get(RECORDS).status);
        assertFalse(admin.get("/api/platform/web/navigation").body.contains("\"outreach\""));
        assertEquals(200, admin.post("/api/platform/modules/outreach/install", "").status);
        assertKept(id);
        assertEquals(200, admin.get("/api/platform/health").status);
        deleteTree(work); // two projects and an unpacked distribution; kept when the test fails
    }

    private void assertKept(long id) throws Exception {
        Http.Answer record = admin.get(RECORDS + "/" + id);
        assertEquals(record.toString(), 200, record.status);
        assertEquals("Assessment mission", record.json.get("title").asText());
        assertEquals("kept through every operation", record.json.get("notes").asText());
    }

    /** The outreach unit's schema version, as GET /api/platform/schema gives it. */
    private int schemaVersion() throws Exception {
        for (JsonNode unit : admin.get("/api/platform/schema").json) {
            if (MODULE.equals(unit.get("module").asText())) {
                return unit.get("version").asInt();
            }
        }
        return 0;
    }

    /** Adds a folder to the module repositories through the REST call the Modules page uses. */
    private void addRepository(Path repository) throws Exception {
        assertTrue(repository + " was built", Files.isDirectory(repository));
        ObjectNode body = (ObjectNode) admin.get("/api/platform/modules/repositories").json.deepCopy();
        body.remove("file");
        body.remove("status");
        ((ArrayNode) body.get("repositories")).add(repository.toString());
        Http.Answer changed = admin.put("/api/platform/modules/repositories", body.toString());
        assertEquals(changed.toString(), 200, changed.status);
    }

    private static String[] append(String[] values, String more) {
        String[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = more;
        return all;
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
