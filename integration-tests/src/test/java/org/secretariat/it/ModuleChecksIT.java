package org.secretariat.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * A module that declares something wrong is refused before anything of it is installed — in the
 * dry run already, with a 422 naming the module, the file and the rule — while the modules already
 * there keep answering. The bad modules are written at test time into a repository of their own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleChecksIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    /** Compiled into the bad module "att-reports": a permission name with a hyphen. */
    @javax.ws.rs.Path("att-reports")
    public static class HyphenatedPermission {
        @javax.ws.rs.GET
        @RequiresPermission("att-reports.report.read")
        public String list() {
            return "";
        }
    }

    /** Compiled into the bad module "notes-copy": the REST root of the installed notes module. */
    @javax.ws.rs.Path("notes")
    public static class SameRestRoot {
    }

    @Inject
    private BundleContext context;

    private Http admin;

    @Configuration
    public Option[] configuration() {
        return PlatformOptions.platform("module-checks-it", PlatformOptions.freePort(), PlatformOptions.fixtureRepositories());
    }

    @Before
    public void loginAsAdministrator() throws Exception {
        admin = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
        assertEquals(200, admin.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
    }

    @Test
    public void eachBadDeclarationIsRefusedAtTheDryRunAndTheInstalledModulesKeepAnswering() throws Exception {
        Http.Answer installed = admin.post("/api/platform/modules/notes/install?version=1.0.0", "");
        assertEquals(installed.toString(), 200, installed.status);
        assertEquals(200, admin.await("/api/notes", 200, STARTUP).status);

        Path repository = Files.createTempDirectory("bad-modules");
        Path notesJar = Path.of(System.getProperty("fixture.notes"));
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("att-reports", badModule(repository, "att-reports", jar(Map.of("Bundle-SymbolicName", "org.test.att.reports"),
                classEntries(HyphenatedPermission.class)), true));
        fixtures.put("reports", badModule(repository, "reports", jar(Map.of("Bundle-SymbolicName", "org.test.reports",
                "Secretariat-Persistence-Unit", "notes"), Map.of()), true));
        fixtures.put("plainlib", badModule(repository, "plainlib", jar(Map.of(), Map.of("README.txt", "not a bundle".getBytes(StandardCharsets.UTF_8))), false));
        fixtures.put("notes-copy", badModule(repository, "notes-copy", jar(Map.of("Bundle-SymbolicName", "org.test.notes.copy"),
                classEntries(SameRestRoot.class)), true));
        writeNotesWithChangedMigration(repository, notesJar);
        addRepository(repository);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/api/platform/modules/att-reports/install?dryRun=true", "permission 'att-reports.report.read' breaks the naming rule");
        expected.put("/api/platform/modules/reports/install?dryRun=true", "Secretariat-Persistence-Unit is 'notes'; a module's persistence unit is named after the module ('reports')");
        expected.put("/api/platform/modules/plainlib/install?dryRun=true", "not an OSGi bundle");
        expected.put("/api/platform/modules/notes-copy/install?dryRun=true", "REST path /api/notes is served by module notes already");
        expected.put("/api/platform/modules/notes/upgrade?version=5.0.0&dryRun=true", "Migration V1__notes.sql of module notes was changed after it was applied");
        expected.put("/api/platform/modules/notes/upgrade?version=4.0.0&dryRun=true", "missing package org.secretariat.nowhere");
        int bundles = context.getBundles().length;
        for (Map.Entry<String, String> attempt : expected.entrySet()) {
            Http.Answer refused = admin.post(attempt.getKey(), "");
            assertEquals(attempt.getKey() + " -> " + refused, 422, refused.status);
            assertTrue(attempt.getKey() + " -> " + refused.body, refused.body.contains(attempt.getValue()));
            assertTrue(refused.body, refused.body.contains("nothing was changed"));
            String real = attempt.getKey().replace("dryRun=true", "dryRun=false");
            assertEquals(real, 422, admin.post(real, "").status);
            assertEquals(bundles, context.getBundles().length);
            assertEquals(attempt.getKey(), 200, admin.get("/api/notes").status);
            assertEquals(attempt.getKey(), 200, admin.get("/api/platform/permissions").status);
            assertEquals(attempt.getKey(), 200, admin.get("/api/platform/web/navigation").status);
        }
        assertEquals(200, admin.get("/api/platform/health").status);
        Http.Answer list = admin.get("/api/platform/modules");
        for (String module : fixtures.keySet()) {
            assertTrue(module + " is offered but was never installed: " + list.body, list.body.contains("\"" + module + "\""));
        }
    }

    @Test
    public void aLibraryOnlyModuleAppearsInHealthUnderItsOwnNameWithItsState() throws Exception {
        Path repository = Files.createTempDirectory("library-module");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", "org.test.plain.library");
        headers.put("Bundle-Version", "1.0.0");
        headers.put("Export-Package", "org.test.plain.library;version=\"1.0.0\"");
        badModule(repository, "plain-library", jar(headers, Map.of("org/test/plain/library/README.txt", "a library".getBytes(StandardCharsets.UTF_8))), true);
        addRepository(repository);
        Http.Answer installed = admin.post("/api/platform/modules/plain-library/install", "");
        assertEquals(installed.toString(), 200, installed.status);
        Http.Answer health = admin.get("/api/platform/health");
        com.fasterxml.jackson.databind.JsonNode library = null;
        for (com.fasterxml.jackson.databind.JsonNode module : health.json.get("modules")) {
            if (module.get("id").asText().equals("plain-library")) {
                library = module;
            }
        }
        assertTrue(health.body, library != null);
        assertEquals(health.body, "ACTIVE", library.get("state").asText());
        assertEquals(200, admin.delete("/api/platform/modules/plain-library").status);
    }

    /** Adds a folder to the module repositories through the REST call the Modules page uses. */
    private void addRepository(Path repository) throws IOException, InterruptedException {
        com.fasterxml.jackson.databind.JsonNode before = admin.get("/api/platform/modules/repositories").json;
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) before.deepCopy();
        body.remove("file");
        body.remove("status");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("repositories")).add(repository.toString());
        Http.Answer changed = admin.put("/api/platform/modules/repositories", body.toString());
        assertEquals(changed.toString(), 200, changed.status);
    }

    @Test
    public void repositoriesAreListedWithWhatEachGaveAndSetThroughRestIntoTheConfigurationFile() throws Exception {
        Http.Answer listed = admin.get("/api/platform/modules/repositories");
        assertEquals(listed.toString(), 200, listed.status);
        com.fasterxml.jackson.databind.JsonNode status = listed.json.get("status");
        assertTrue(listed.body, status.size() >= 2);
        assertEquals("shipped", status.get(0).get("kind").asText());
        boolean notesFolderCounted = false;
        for (com.fasterxml.jackson.databind.JsonNode repository : status) {
            assertTrue(repository.toString(), repository.has("lastFetch"));
            notesFolderCounted |= repository.get("location").asText().contains("fixtures/notes/") && repository.get("versions").asInt() == 1;
        }
        assertTrue(listed.body, notesFolderCounted);

        Http.Answer notAFolder = admin.put("/api/platform/modules/repositories", "{\"repositories\":[\"relative/path\"],\"mavenRepositories\":[],\"mavenModules\":[]}");
        assertEquals(notAFolder.toString(), 400, notAFolder.status);
        assertEquals("repositories[0]", notAFolder.json.get("field").asText());
        Http.Answer plainHttp = admin.put("/api/platform/modules/repositories",
                "{\"repositories\":[],\"mavenRepositories\":[\"http://repo.example.org/maven2\"],\"mavenModules\":[\"org.example:reports\"]}");
        assertEquals(plainHttp.toString(), 400, plainHttp.status);
        assertEquals("mavenRepositories[0]", plainHttp.json.get("field").asText());

        Path empty = Files.createTempDirectory("empty-repository");
        String original = listed.json.get("repositories").toString();
        String with = original.substring(0, original.length() - 1) + (original.equals("[]") ? "" : ",")
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(empty.toString()) + "]";
        Http.Answer set = admin.put("/api/platform/modules/repositories", "{\"repositories\":" + with + ",\"mavenRepositories\":[],\"mavenModules\":[]}");
        assertEquals(set.toString(), 200, set.status);
        assertTrue(set.body, set.body.contains(empty.toString()));
        Path file = Path.of(set.json.get("file").asText());
        assertTrue(file + " holds the new folder", Files.readString(file).contains(empty.toString()));
        Thread.sleep(3000); // File Install reads the file back (it polls every 2 s): the setting must stay
        assertTrue(admin.get("/api/platform/modules/repositories").body.contains(empty.toString()));

        Http.Answer restored = admin.put("/api/platform/modules/repositories", "{\"repositories\":" + original + ",\"mavenRepositories\":[],\"mavenModules\":[]}");
        assertEquals(restored.toString(), 200, restored.status);
        assertTrue(!restored.body.contains(empty.toString()));
    }

    /** A one-bundle module {@code id} 1.0.0 in {@code repository}; answers its id. */
    private static String badModule(Path repository, String id, Map.Entry<Map<String, String>, Map<String, byte[]>> jar, boolean namesBundle)
            throws IOException {
        Path file = repository.resolve("org/test/" + id + "/1.0.0/" + id + "-1.0.0.jar");
        write(file, jar.getKey(), jar.getValue());
        String symbolicName = jar.getKey().get("Bundle-SymbolicName");
        descriptor(repository, id, "1.0.0", "{\"id\":\"org.test:" + id + ":1.0.0\""
                + (namesBundle && symbolicName != null ? ",\"secretariat.symbolic-name\":\"" + symbolicName + "\"" : "") + "}");
        return id;
    }

    /** Notes 5.0.0: the fixture's 1.0.0 jar with its applied migration V1 edited. */
    private static void writeNotesWithChangedMigration(Path repository, Path notesJar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Manifest manifest;
        try (JarFile jar = new JarFile(notesJar.toFile())) {
            manifest = jar.getManifest();
            for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                JarEntry entry = all.nextElement();
                if (entry.isDirectory() || entry.getName().equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("db/migration/V1__notes.sql")) {
                        content = (new String(content, StandardCharsets.UTF_8) + "\n-- edited after release\n").getBytes(StandardCharsets.UTF_8);
                    }
                    entries.put(entry.getName(), content);
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        manifest.getMainAttributes().forEach((name, value) -> headers.put(name.toString(), value.toString()));
        headers.put("Bundle-Version", "5.0.0");
        String symbolicName = headers.get("Bundle-SymbolicName").split(";")[0].trim();
        write(repository.resolve("org/test/notes/5.0.0/notes-5.0.0.jar"), headers, entries);
        descriptor(repository, "notes", "5.0.0", "{\"id\":\"org.test:notes:5.0.0\",\"secretariat.symbolic-name\":\"" + symbolicName + "\"}");
    }

    private static void descriptor(Path repository, String id, String version, String bundle) throws IOException {
        Files.writeString(repository.resolve("org/test/" + id + "/" + version + "/" + id + "-" + version + ".feature.json"),
                "{\"feature-resource-version\":\"1.0\",\"id\":\"org.test:" + id + ":osgifeature:" + version + "\",\"bundles\":[" + bundle + "],"
                + "\"extensions\":{\"secretariat.module\":{\"type\":\"JSON\",\"kind\":\"MANDATORY\",\"json\":{\"id\":\"" + id
                + "\",\"version\":\"" + version + "\",\"restPaths\":[],\"webPaths\":[],\"schemaVersion\":1}}}}");
    }

    private static Map.Entry<Map<String, String>, Map<String, byte[]>> jar(Map<String, String> headers, Map<String, byte[]> entries) {
        return Map.entry(headers, entries);
    }

    private static Map<String, byte[]> classEntries(Class<?> type) throws IOException {
        String name = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            return Map.of(name, in.readAllBytes());
        }
    }

    private static void write(Path jar, Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }
}
