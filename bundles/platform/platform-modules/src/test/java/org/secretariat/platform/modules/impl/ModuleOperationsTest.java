package org.secretariat.platform.modules.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The planner and the executor over the framework seam, without Felix: each operation does what its
 * plan says; a failure planted at every step leaves the framework and the installed version as they
 * were; a crash planted at every step is put back by the start-up recovery.
 */
class ModuleOperationsTest {

    @TempDir
    Path repository;

    private final Map<String, ModuleFeature> features = new java.util.HashMap<>();

    /** notes 1.0.0 = api + impl 1.0.0; 2.0.0 = the same api, impl 2.0.0 and a new extra bundle. */
    private void writeFeatures(FakeFramework framework) throws IOException {
        feature(framework, "1.0.0", Map.of("notes-api", "1.0.0", "notes-impl", "1.0.0"));
        feature(framework, "2.0.0", Map.of("notes-api", "1.0.0", "notes-impl", "2.0.0", "notes-extra", "2.0.0"));
    }

    private void feature(FakeFramework framework, String version, Map<String, String> bundles) throws IOException {
        StringBuilder list = new StringBuilder();
        for (Map.Entry<String, String> bundle : new TreeMap<>(bundles).entrySet()) {
            Path jar = ModuleFeature.artifactPath(repository, "org.test", bundle.getKey(), bundle.getValue(), ".jar");
            TestJars.write(jar, Map.of("Bundle-SymbolicName", "org.test." + bundle.getKey(), "Bundle-Version", bundle.getValue()), Map.of());
            framework.registerJar(jar, "org.test." + bundle.getKey(), Version.parseVersion(bundle.getValue()));
            list.append(list.length() == 0 ? "" : ",").append("{\"id\":\"org.test:").append(bundle.getKey()).append(':').append(bundle.getValue())
                    .append("\",\"secretariat.symbolic-name\":\"org.test.").append(bundle.getKey()).append("\"}");
        }
        Path descriptor = repository.resolve("notes-" + version + ".feature.json");
        Files.writeString(descriptor, "{\"id\":\"org.test:notes:osgifeature:" + version + "\",\"bundles\":[" + list + "],"
                + "\"extensions\":{\"secretariat.module\":{\"type\":\"JSON\",\"kind\":\"MANDATORY\",\"json\":{\"id\":\"notes\",\"version\":\""
                + version + "\",\"restPaths\":[\"/api/notes\"],\"schemaVersion\":1}}}}");
        features.put(version, ModuleFeature.read(descriptor, repository, new ObjectMapper()));
    }

    /** One platform: the fake framework, the journal, a planner and an executor over them. */
    private final class Platform {
        final FakeFramework framework = new FakeFramework();
        final MemoryJournal journal = new MemoryJournal();
        final ModulePlanner planner;
        final OperationExecutor executor;

        Platform() throws IOException {
            writeFeatures(framework);
            planner = new ModulePlanner(framework, (module, version) -> features.get(version), module -> available(), pid -> false, module -> 0,
                    new ModuleChecks(List::of, (module, migrations) -> List.of()));
            executor = new OperationExecutor(framework, planner, new DefaultConfigurations(() -> null), journal, phase -> { });
        }

        /** Read at each plan: a test may add a version. */
        NavigableMap<Version, ModuleFeature> available() {
            NavigableMap<Version, ModuleFeature> available = new TreeMap<>();
            features.values().forEach(f -> available.put(f.version, f));
            return available;
        }

        void run(Plan.Operation operation, String version) {
            executor.run(planner.plan(operation, "notes", version, journal.installed("notes")));
        }

        String installedVersion() {
            return journal.installed("notes").map(m -> m.version).orElse(null);
        }
    }

    private static List<String> expected(String... bundles) {
        return java.util.Arrays.stream(bundles).map(b -> {
            String[] parts = b.split(" ");
            return "org.test." + parts[0] + " " + parts[1] + " @secretariat:module:notes:org.test." + parts[0];
        }).sorted().collect(Collectors.toList());
    }

    @Test
    void eachOperationDoesWhatItsPlanSays() throws Exception {
        Platform platform = new Platform();
        Plan install = platform.planner.plan(Plan.Operation.INSTALL, "notes", "1.0.0", Optional.empty());
        assertEquals(List.of("install org.test.notes-api 1.0.0", "install org.test.notes-impl 1.0.0"),
                install.steps.stream().map(Object::toString).collect(Collectors.toList()));
        platform.executor.run(install);
        assertEquals(expected("notes-api 1.0.0", "notes-impl 1.0.0"), platform.framework.state());

        Plan upgrade = platform.planner.plan(Plan.Operation.UPGRADE, "notes", "2.0.0", platform.journal.installed("notes"));
        assertEquals(List.of("install org.test.notes-extra 2.0.0", "update org.test.notes-impl 1.0.0 -> 2.0.0"),
                upgrade.steps.stream().map(Object::toString).sorted().collect(Collectors.toList()));
        platform.executor.run(upgrade);
        assertEquals(expected("notes-api 1.0.0", "notes-extra 2.0.0", "notes-impl 2.0.0"), platform.framework.state());
        assertEquals("2.0.0", platform.installedVersion());
        assertEquals("1.0.0", platform.journal.installed("notes").get().previousVersion);

        platform.run(Plan.Operation.ROLLBACK, null);
        assertEquals(expected("notes-api 1.0.0", "notes-impl 1.0.0"), platform.framework.state());
        assertEquals("1.0.0", platform.installedVersion());

        platform.run(Plan.Operation.UNINSTALL, null);
        assertEquals(List.of(), platform.framework.state());
        assertEquals(null, platform.installedVersion());
        assertEquals("DONE", platform.journal.records.get("notes").state);
    }

    @Test
    void aBundleOthersAreWiredToIsKeptAndOneInstalledElsewhereIsUsed() throws Exception {
        Platform platform = new Platform();
        platform.framework.installDirectly("secretariat:module:other:org.test.notes-api", "org.test.notes-api", Version.parseVersion("1.0.0"));
        Plan install = platform.planner.plan(Plan.Operation.INSTALL, "notes", "1.0.0", Optional.empty());
        assertTrue(install.steps.get(0).toString().startsWith("use org.test.notes-api 1.0.0 (installed by module other)"), install.steps.toString());
        platform.executor.run(install);
        long impl = platform.framework.bundles().stream().filter(b -> b.symbolicName().equals("org.test.notes-impl")).findFirst().get().id();
        platform.framework.users.put(impl, List.of("org.test.reports"));
        Plan uninstall = platform.planner.plan(Plan.Operation.UNINSTALL, "notes", null, platform.journal.installed("notes"));
        assertEquals(List.of("keep org.test.notes-impl 1.0.0"), uninstall.steps.stream().map(Object::toString).collect(Collectors.toList()));
        assertEquals(List.of("org.test.notes-impl (used by org.test.reports)"), uninstall.kept);
    }

    @Test
    void anUpgradeToTheApiVersionAnotherModuleInstalledUsesThatOneInsteadOfMakingASecond() throws Exception {
        Platform platform = new Platform();
        platform.run(Plan.Operation.INSTALL, "1.0.0");
        // another module (finance) brought the newer API (meetings-api 1.2.0) beside the module's own 1.0.0
        platform.framework.installDirectly("secretariat:module:other:org.test.notes-api", "org.test.notes-api", Version.parseVersion("1.1.0"));
        feature(platform.framework, "3.0.0", Map.of("notes-api", "1.1.0", "notes-impl", "3.0.0"));
        Plan upgrade = platform.planner.plan(Plan.Operation.UPGRADE, "notes", "3.0.0", platform.journal.installed("notes"));
        assertEquals(List.of("uninstall org.test.notes-api 1.0.0", "update org.test.notes-impl 1.0.0 -> 3.0.0",
                "use org.test.notes-api 1.1.0 (installed by module other)"),
                upgrade.steps.stream().map(Object::toString).sorted().collect(Collectors.toList()));
        platform.executor.run(upgrade);
        assertEquals(List.of("org.test.notes-api 1.1.0 @secretariat:module:other:org.test.notes-api",
                "org.test.notes-impl 3.0.0 @secretariat:module:notes:org.test.notes-impl"), platform.framework.state());

        platform.run(Plan.Operation.ROLLBACK, null);
        assertEquals(List.of("org.test.notes-api 1.0.0 @secretariat:module:notes:org.test.notes-api",
                "org.test.notes-api 1.1.0 @secretariat:module:other:org.test.notes-api",
                "org.test.notes-impl 1.0.0 @secretariat:module:notes:org.test.notes-impl"), platform.framework.state());
    }

    /** Each operation from the state it needs: [operation, version, version installed before (null: none), version before that]. */
    private static final String[][] OPERATIONS = {
        {"INSTALL", "1.0.0", null, null},
        {"UPGRADE", "2.0.0", "1.0.0", null},
        {"ROLLBACK", null, "2.0.0", "1.0.0"},
        {"UNINSTALL", null, "1.0.0", null}};

    private Platform before(String[] operation) throws Exception {
        Platform platform = new Platform();
        if (operation[3] != null) {
            platform.run(Plan.Operation.INSTALL, operation[3]);
            platform.run(Plan.Operation.UPGRADE, operation[2]);
        } else if (operation[2] != null) {
            platform.run(Plan.Operation.INSTALL, operation[2]);
        }
        return platform;
    }

    private int callsOf(String[] operation) throws Exception {
        Platform platform = before(operation);
        int start = platform.framework.calls();
        platform.run(Plan.Operation.valueOf(operation[0]), operation[1]);
        return platform.framework.calls() - start;
    }

    /** What a test checks once a failure or crash is planted at one call of one operation. */
    private interface AtOneCall {
        void check(String[] operation, int at, Platform platform, List<String> stateBefore, String versionBefore) throws Exception;
    }

    /** Runs {@code check} for every operation with the failure (or crash) planted at each of its framework calls in turn. */
    private int atEveryCall(boolean crash, AtOneCall check) throws Exception {
        int cases = 0;
        for (String[] operation : OPERATIONS) {
            int calls = callsOf(operation);
            for (int at = 1; at <= calls; at++) {
                Platform platform = before(operation);
                List<String> state = platform.framework.state();
                String version = platform.installedVersion();
                platform.framework.failAt = platform.framework.calls() + at;
                platform.framework.crash = crash;
                check.check(operation, at, platform, state, version);
                cases++;
            }
        }
        return cases;
    }

    @Test
    void aFailureAtAnyStepLeavesTheFrameworkAndTheInstalledVersionAsTheyWere() throws Exception {
        int cases = atEveryCall(false, (operation, at, platform, state, version) -> {
            ModuleOperationException failure = assertThrows(ModuleOperationException.class,
                    () -> platform.run(Plan.Operation.valueOf(operation[0]), operation[1]), operation[0] + " failing at call " + at);
            String where = operation[0] + " failing at " + platform.framework.log.get(platform.framework.failAt - 1) + ": " + failure.getMessage();
            assertEquals(state, platform.framework.state(), where);
            assertEquals(version, platform.installedVersion(), where);
            assertEquals("FAILED", platform.journal.records.get("notes").state, where);
        });
        assertTrue(cases >= 16, "cases: " + cases);
    }

    @Test
    void aCrashAtAnyStepIsPutBackAtTheNextStart() throws Exception {
        int cases = atEveryCall(true, (operation, at, platform, state, version) -> {
            assertThrows(FakeFramework.Crash.class, () -> platform.run(Plan.Operation.valueOf(operation[0]), operation[1]));
            // The next start: the journal shows the operation still running; recovery puts the recorded version back.
            List<ModuleOperationRecord> interrupted = platform.journal.unfinished();
            assertEquals(1, interrupted.size(), operation[0] + " at " + at);
            platform.framework.failAt = -1;
            Optional<ModuleFeature> recorded = platform.journal.installed("notes").map(m -> features.get(m.version));
            String outcome = platform.executor.recover(interrupted.get(0), recorded);
            String where = operation[0] + " crashing at call " + at + ": " + outcome;
            assertEquals(state, platform.framework.state(), where);
            assertEquals(version, platform.installedVersion(), where);
        });
        assertTrue(cases >= 16, "cases: " + cases);
    }
}
