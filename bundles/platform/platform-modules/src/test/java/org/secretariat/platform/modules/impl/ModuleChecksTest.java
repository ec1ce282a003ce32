package org.secretariat.platform.modules.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secretariat.platform.api.security.RequiresPermission;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What a module declares, judged from its jars before it is installed. */
class ModuleChecksTest {

    @javax.ws.rs.Path("reports")
    static class ReportsResource {
        @GET
        @RequiresPermission("att-reports.report.read")
        public String list() {
            return "";
        }
    }

    @javax.ws.rs.Path("/platform/modules")
    static class Squatter {
    }

    @javax.ws.rs.Path("notes/")
    static class NotesResource {
        @GET
        @RequiresPermission("notes.note.read")
        public String list() {
            return "";
        }
    }

    @TempDir
    Path repository;

    private final List<ModuleFeature> installed = new ArrayList<>();
    private final Map<String, String> changed = new LinkedHashMap<>();
    private final ModuleChecks checks = new ModuleChecks(() -> installed,
            (module, migrations) -> migrations.keySet().stream().filter(changed::containsKey).map(changed::get).toList());

    private ModuleFeature module(String id, String version, String webPath, Map<String, Map<String, String>> headersByJar,
            Map<String, Map<String, byte[]>> entriesByJar) throws IOException {
        StringBuilder bundles = new StringBuilder();
        for (String artifact : headersByJar.keySet()) {
            Path jar = ModuleFeature.artifactPath(repository, "org.test", artifact, version, ".jar");
            TestJars.write(jar, headersByJar.get(artifact), entriesByJar.getOrDefault(artifact, Map.of()));
            String bsn = headersByJar.get(artifact).get("Bundle-SymbolicName");
            bundles.append(bundles.length() == 0 ? "" : ",").append("{\"id\":\"org.test:").append(artifact).append(':').append(version).append('"')
                    .append(bsn == null ? "" : ",\"secretariat.symbolic-name\":\"" + bsn + "\"").append('}');
        }
        Path descriptor = repository.resolve(id + "-" + version + ".feature.json");
        Files.writeString(descriptor, "{\"id\":\"org.test:" + id + ":osgifeature:" + version + "\",\"bundles\":[" + bundles + "],"
                + "\"extensions\":{\"secretariat.module\":{\"type\":\"JSON\",\"kind\":\"MANDATORY\",\"json\":{\"id\":\"" + id
                + "\",\"version\":\"" + version + "\",\"restPaths\":[],\"webPaths\":[\"" + webPath + "\"],\"schemaVersion\":1}}}}");
        return ModuleFeature.read(descriptor, repository, new ObjectMapper());
    }

    private static Map<String, String> bundle(String symbolicName, String unit) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", symbolicName);
        if (unit != null) {
            headers.put("Secretariat-Persistence-Unit", unit);
        }
        return headers;
    }

    private static Map<String, byte[]> entries(Map.Entry<String, byte[]>... entries) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return map;
    }

    private static Map.Entry<String, byte[]> migration(String name) {
        return Map.entry("db/migration/" + name, "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY);\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWellFormedModuleHasNoProblem() throws IOException {
        ModuleFeature notes = module("notes", "1.0.0", "/app/#/notes", Map.of("notes-impl", bundle("org.test.notes.impl", "notes")),
                Map.of("notes-impl", entries(TestJars.classEntry(NotesResource.class), migration("V1__notes.sql"))));
        assertEquals(List.of(), checks.problems(notes));
    }

    @Test
    void eachBrokenRuleIsNamedWithItsFile() throws IOException {
        installed.add(module("notes", "1.0.0", "/app/#/notes", Map.of("notes-impl", bundle("org.test.notes.impl", "notes")),
                Map.of("notes-impl", entries(TestJars.classEntry(NotesResource.class)))));
        changed.put("V1__reports.sql", "Migration V1__reports.sql of module att-reports was changed after it was applied");
        ModuleFeature reports = module("att-reports", "1.0.0", "/app/#/notes",
                Map.of("reports-impl", bundle("org.test.reports.impl", "reports"),
                        "plain-library", Map.of(),
                        "reports-extra", bundle("org.test.reports.extra", null)),
                Map.of("reports-impl", entries(TestJars.classEntry(ReportsResource.class), TestJars.classEntry(Squatter.class),
                                TestJars.classEntry(NotesResource.class), migration("V1__reports.sql"), migration("V1__again.sql"), migration("v2-bad.sql")),
                        "reports-extra", entries(migration("V3__orphan.sql"))));

        List<String> problems = checks.problems(reports);

        assertHas(problems, "plain-library-1.0.0.jar: not an OSGi bundle");
        assertHas(problems, "reports-impl-1.0.0.jar: Secretariat-Persistence-Unit is 'reports'; a module's persistence unit is named after the module ('att-reports')");
        assertHas(problems, "permission 'att-reports.report.read' breaks the naming rule");
        assertHas(problems, "REST path /api/platform/modules is under /api/platform");
        assertHas(problems, "REST path /api/notes is served by module notes already");
        assertHas(problems, "page /app/#/notes belongs to module notes already");
        assertHas(problems, "migrations V1__reports.sql and V1__again.sql have the same number");
        assertHas(problems, "migration v2-bad.sql is not named V<number>__<description>.sql");
        assertHas(problems, "reports-extra-1.0.0.jar: has migrations under db/migration/ but no Secretariat-Persistence-Unit");
        assertHas(problems, "Migration V1__reports.sql of module att-reports was changed after it was applied");
        assertEquals(10, problems.size(), String.join("\n", problems));
    }

    @Test
    void theModulesOwnEarlierVersionIsNoCollision() throws IOException {
        installed.add(module("notes", "1.0.0", "/app/#/notes", Map.of("notes-impl", bundle("org.test.notes.impl", "notes")),
                Map.of("notes-impl", entries(TestJars.classEntry(NotesResource.class)))));
        ModuleFeature upgrade = module("notes", "2.0.0", "/app/#/notes", Map.of("notes-impl", bundle("org.test.notes.impl", "notes")),
                Map.of("notes-impl", entries(TestJars.classEntry(NotesResource.class))));
        assertEquals(List.of(), checks.problems(upgrade));
    }

    @Test
    void classAnnotationsAreReadWithoutLoadingTheClass() throws IOException {
        List<ClassAnnotations.Value> values = ClassAnnotations.read(TestJars.classEntry(ReportsResource.class).getValue());
        assertTrue(values.contains(new ClassAnnotations.Value(ModuleDeclarations.PATH_ANNOTATION, "value", "reports", true)), values.toString());
        assertTrue(values.contains(new ClassAnnotations.Value(ModuleDeclarations.PERMISSION_ANNOTATION, "value", "att-reports.report.read", false)),
                values.toString());
    }

    private static void assertHas(List<String> problems, String part) {
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(part)), "no problem says '" + part + "' in:\n" + String.join("\n", problems));
    }
}
