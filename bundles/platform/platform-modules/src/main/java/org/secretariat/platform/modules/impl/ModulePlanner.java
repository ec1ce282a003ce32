package org.secretariat.platform.modules.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.osgi.framework.Version;
import org.secretariat.platform.api.health.HealthContributor;

/**
 * Decides what an operation does, changing nothing: from the module's installed record, the versions
 * the repositories offer, the kept copies and what the framework runs now, a {@link Plan} of typed
 * steps. The same bundle diff serves the put-back after a failure and the recovery after a crash.
 */
final class ModulePlanner {

    static final String LOCATION_PREFIX = HealthContributor.MODULE_LOCATION_PREFIX;

    private final ModuleFramework framework;
    private final BiFunction<String, String, ModuleFeature> kept;
    private final Function<String, NavigableMap<Version, ModuleFeature>> available;
    private final Predicate<String> configured;
    private final ToIntFunction<String> schemaVersion;
    private final ModuleChecks checks;

    /**
     * @param kept the kept copy of a module version, or null
     * @param available the versions the repositories offer for a module
     * @param configured whether a configuration PID is set already
     * @param schemaVersion the schema version recorded for a module (0: none)
     * @param checks what a module declares, judged before it is installed
     */
    ModulePlanner(ModuleFramework framework, BiFunction<String, String, ModuleFeature> kept,
            Function<String, NavigableMap<Version, ModuleFeature>> available, Predicate<String> configured, ToIntFunction<String> schemaVersion,
            ModuleChecks checks) {
        this.framework = framework;
        this.kept = kept;
        this.available = available;
        this.configured = configured;
        this.schemaVersion = schemaVersion;
        this.checks = checks;
    }

    static String location(String module, String symbolicName) {
        return LOCATION_PREFIX + module + ":" + symbolicName;
    }

    /** The bundles of a module running now, by symbolic name. */
    Map<String, ModuleFramework.InstalledBundle> bundlesOf(String module) {
        Map<String, ModuleFramework.InstalledBundle> bundles = new LinkedHashMap<>();
        for (ModuleFramework.InstalledBundle bundle : framework.bundles()) {
            if (bundle.location().startsWith(LOCATION_PREFIX + module + ":")) {
                bundles.put(bundle.symbolicName(), bundle);
            }
        }
        return bundles;
    }

    /**
     * @param installed the module's record (its version and the one before), if installed
     * @throws ModuleOperationException when the operation is refused (400, 404, 409, 422)
     */
    Plan plan(Plan.Operation operation, String module, String version, Optional<InstalledModule> installed) {
        if (module == null || !module.matches("[a-z][a-z0-9-]{0,99}")) {
            throw new ModuleOperationException(400, "'" + module + "' is not a module id");
        }
        NavigableMap<Version, ModuleFeature> versions = available.apply(module);
        if (versions == null) {
            versions = new TreeMap<>();
        }
        ModuleFeature current = installed.map(record -> kept.apply(module, record.version)).orElse(null);
        if (installed.isPresent() && current == null && operation != Plan.Operation.UNINSTALL) {
            throw new ModuleOperationException(409, "The kept copy of " + module + " " + installed.get().version
                    + " is missing, so a failure could not be undone: uninstall and install the module again");
        }
        ModuleFeature target = target(operation, module, version, installed, versions);
        if (target != null) {
            List<String> missing = target.missingJars();
            if (!missing.isEmpty()) {
                throw new ModuleOperationException(422, "Module " + target + " cannot be installed: missing jars " + missing);
            }
            List<String> problems = checks.problems(target);
            if (!problems.isEmpty()) {
                throw new ModuleOperationException(422, "Module " + target + " cannot be installed: " + String.join("; ", problems)
                        + "; nothing was changed");
            }
        }
        return build(operation, module, installed, current, target);
    }

    /** The plan again with {@code target} replaced by its kept copy, whose jars the steps then apply. */
    Plan withKeptTarget(Plan plan, ModuleFeature keptTarget, Optional<InstalledModule> installed) {
        return build(plan.operation, plan.module, installed, plan.current, keptTarget);
    }

    private Plan build(Plan.Operation operation, String module, Optional<InstalledModule> installed, ModuleFeature current, ModuleFeature target) {
        Plan plan = new Plan(operation, module, current, target, installed.map(record -> record.version).orElse(null));
        plan.steps.addAll(bundleSteps(module, current, target, plan.kept));
        List<Long> changed = plan.steps.stream().filter(step -> "update".equals(step.action) || "uninstall".equals(step.action))
                .map(step -> step.bundleId).collect(Collectors.toList());
        if (!changed.isEmpty()) {
            plan.refreshed.addAll(framework.dependents(changed));
        }
        if (target != null) {
            for (String pid : target.configurations.keySet()) {
                plan.configurations.add(pid + (configured.test(pid) ? " (kept: already set)" : " (module defaults)"));
            }
            int recorded = schemaVersion.applyAsInt(module);
            for (int step = recorded + 1; step <= target.schemaVersion; step++) {
                plan.migrations.add(module + " V" + step);
            }
            if (target.schemaVersion < recorded) {
                plan.migrations.add("none: the schema stays at version " + recorded
                        + " (newer than this version's " + target.schemaVersion + "; migrations are backward compatible)");
            }
        }
        return plan;
    }

    private ModuleFeature target(Plan.Operation operation, String module, String version, Optional<InstalledModule> installed,
            NavigableMap<Version, ModuleFeature> versions) {
        switch (operation) {
            case INSTALL:
                if (installed.isPresent()) {
                    throw new ModuleOperationException(409, "Module " + module + " is installed already (version " + installed.get().version + "): use upgrade");
                }
                return pick(module, versions, version);
            case UPGRADE: {
                requireInstalled(module, installed);
                ModuleFeature target = pick(module, versions, version);
                if (target.versionText.equals(installed.get().version)) {
                    throw new ModuleOperationException(409, "Module " + module + " is at version " + target.versionText + " already");
                }
                return target;
            }
            case ROLLBACK: {
                requireInstalled(module, installed);
                String previous = installed.get().previousVersion;
                if (previous == null) {
                    throw new ModuleOperationException(409, "Module " + module + " has no previous version to roll back to");
                }
                ModuleFeature target = kept.apply(module, previous);
                return target != null ? target : pick(module, versions, previous);
            }
            case UNINSTALL:
                requireInstalled(module, installed);
                return null;
            default:
                throw new IllegalStateException("unknown operation " + operation);
        }
    }

    /**
     * The bundle steps from what the module runs now to {@code target} (null: nothing). {@code current}
     * is the version before, whose jars an undo puts back; bundles kept because others use them are
     * added to {@code keptNotes}.
     */
    List<Plan.Step> bundleSteps(String module, ModuleFeature current, ModuleFeature target, List<String> keptNotes) {
        Map<String, ModuleFramework.InstalledBundle> running = bundlesOf(module);
        List<ModuleFramework.InstalledBundle> all = framework.bundles();
        Map<String, Path> previousJars = new LinkedHashMap<>();
        if (current != null) {
            current.bundles.forEach(jar -> previousJars.put(jar.symbolicName, jar.jar));
        }
        List<Plan.Step> steps = new ArrayList<>();
        Set<String> usedElsewhere = new java.util.HashSet<>();
        if (target != null) {
            for (ModuleFeature.BundleJar bundle : target.bundles) {
                ModuleFramework.InstalledBundle present = running.get(bundle.symbolicName);
                boolean samePresent = present != null && present.version().equals(bundle.version);
                Optional<ModuleFramework.InstalledBundle> elsewhere = samePresent ? Optional.empty() : all.stream()
                        .filter(b -> present == null || b.id() != present.id())
                        .filter(b -> bundle.symbolicName.equals(b.symbolicName()) && bundle.version.equals(b.version())).findFirst();
                if (elsewhere.isPresent()) {
                    // A library or API another module (or the platform) installed already: use it, do not own it. When
                    // this module had its own older copy (meetings-api 1.1.0, while finance brought 1.2.0), updating it
                    // would make two bundles of one name and version: the own copy leaves instead (kept if others use it).
                    steps.add(new Plan.Step("use", bundle.symbolicName, null, bundle.version + " (installed by " + owner(elsewhere.get()) + ")"));
                    if (present != null) {
                        usedElsewhere.add(bundle.symbolicName);
                    }
                } else if (present == null) {
                    steps.add(new Plan.Step("install", bundle.symbolicName, null, bundle.version.toString(), -1, bundle.jar, null));
                } else if (!present.version().equals(bundle.version)) {
                    steps.add(new Plan.Step("update", bundle.symbolicName, present.version().toString(), bundle.version.toString(),
                            present.id(), bundle.jar, previousJars.get(bundle.symbolicName)));
                }
            }
        }
        Set<String> wanted = target == null ? Set.of() : target.bundles.stream().map(b -> b.symbolicName)
                .filter(name -> !usedElsewhere.contains(name)).collect(Collectors.toSet());
        Map<String, List<String>> kept = keptForOthers(running, wanted);
        for (Map.Entry<String, ModuleFramework.InstalledBundle> entry : running.entrySet()) {
            if (wanted.contains(entry.getKey())) {
                continue;
            }
            ModuleFramework.InstalledBundle bundle = entry.getValue();
            List<String> users = kept.get(entry.getKey());
            if (users != null) {
                // An API other modules are wired to stays, or they would be refreshed out of service.
                steps.add(new Plan.Step("keep", entry.getKey(), bundle.version().toString(), null));
                keptNotes.add(entry.getKey() + " (used by " + String.join(", ", users) + ")");
            } else {
                steps.add(new Plan.Step("uninstall", entry.getKey(), bundle.version().toString(), null, bundle.id(), null,
                        previousJars.get(entry.getKey())));
            }
        }
        return steps;
    }

    /**
     * The bundles of the module that leave it but must stay, with who uses them: those another module is
     * wired to, and — until nothing more is added — those a kept bundle is wired to (PDFBox kept for the
     * finance module keeps FontBox and commons-logging, or PDFBox could not resolve after the refresh).
     */
    private Map<String, List<String>> keptForOthers(Map<String, ModuleFramework.InstalledBundle> running, Set<String> wanted) {
        Set<Long> own = running.values().stream().map(ModuleFramework.InstalledBundle::id).collect(Collectors.toSet());
        Map<String, List<String>> kept = new LinkedHashMap<>();
        Set<Long> leaving = new java.util.HashSet<>(own);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, ModuleFramework.InstalledBundle> entry : running.entrySet()) {
                if (wanted.contains(entry.getKey()) || kept.containsKey(entry.getKey())) {
                    continue;
                }
                List<String> users = framework.usersOutside(entry.getValue().id(), leaving);
                if (!users.isEmpty()) {
                    kept.put(entry.getKey(), users);
                    leaving.remove(entry.getValue().id());
                    grew = true;
                }
            }
        }
        return kept;
    }

    /** Who installed a bundle: a module, or the platform. */
    private static String owner(ModuleFramework.InstalledBundle bundle) {
        String location = bundle.location();
        if (location.startsWith(LOCATION_PREFIX)) {
            String rest = location.substring(LOCATION_PREFIX.length());
            return "module " + rest.substring(0, Math.max(0, rest.indexOf(':')));
        }
        return "the platform";
    }

    private static void requireInstalled(String module, Optional<InstalledModule> installed) {
        if (installed.isEmpty()) {
            throw new ModuleOperationException(404, "Module " + module + " is not installed");
        }
    }

    private static ModuleFeature pick(String module, NavigableMap<Version, ModuleFeature> versions, String version) {
        if (versions.isEmpty()) {
            throw new ModuleOperationException(404, "No repository has a module " + module);
        }
        if (version == null || version.isBlank()) {
            return versions.lastEntry().getValue();
        }
        ModuleFeature feature = versions.values().stream().filter(f -> f.versionText.equals(version.trim())).findFirst().orElse(null);
        if (feature == null) {
            throw new ModuleOperationException(404, "No repository has version " + version + " of module " + module + "; available: "
                    + versions.values().stream().map(f -> f.versionText).collect(Collectors.joining(", ")));
        }
        return feature;
    }
}
