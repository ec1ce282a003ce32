package org.secretariat.platform.modules.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module declares is judged before anything of it is installed, in the dry run as well, so a
 * module can never take down what is already there. Each problem names the module's file and the
 * rule it breaks; {@link ModulePlanner} refuses a plan with any (422).
 *
 * <ul>
 * <li>every jar is an OSGi bundle, with the symbolic name its descriptor gives;</li>
 * <li>a persistence unit is named after its module (schema versions are recorded under that name);</li>
 * <li>migrations are named {@code V<n>__<description>.sql}, once per number, lie in a bundle with a
 * persistence unit, and those already applied are unchanged;</li>
 * <li>permission names are dotted lower-case words ({@code reports.report.read});</li>
 * <li>REST roots stay out of {@code /api/platform} and are not another installed module's; nor are page routes.</li>
 * </ul>
 */
final class ModuleChecks {

    static final Pattern PERMISSION = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+");
    static final Pattern MIGRATION = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_\\-]+)\\.sql");
    static final String RESERVED_REST_ROOT = "/api/platform";

    private final Supplier<List<ModuleFeature>> installed;
    private final BiFunction<String, Map<String, byte[]>, List<String>> changedMigrations;
    private final Map<String, ModuleDeclarations> read = new HashMap<>();

    /**
     * @param installed the kept features of the modules installed now
     * @param changedMigrations for a module and its migration files, the problems of those that differ from what was applied
     */
    ModuleChecks(Supplier<List<ModuleFeature>> installed, BiFunction<String, Map<String, byte[]>, List<String>> changedMigrations) {
        this.installed = installed;
        this.changedMigrations = changedMigrations;
    }

    /** A module's declarations, read once per descriptor: a kept version's jars never change. */
    synchronized ModuleDeclarations declarations(ModuleFeature feature) {
        return read.computeIfAbsent(feature.descriptor.toAbsolutePath().toString(), key -> ModuleDeclarations.of(feature));
    }

    /** What is wrong with {@code target}; empty when it may be installed. */
    List<String> problems(ModuleFeature target) {
        ModuleDeclarations module = declarations(target);
        List<String> problems = new ArrayList<>();
        bundles(module, problems);
        migrations(module, problems);
        permissions(module, problems);
        paths(module, problems);
        return problems;
    }

    private static void bundles(ModuleDeclarations module, List<String> problems) {
        for (ModuleDeclarations.Jar jar : module.jars) {
            if (jar.problem() != null) {
                problems.add(jar.file() + ": " + jar.problem());
            } else if (jar.symbolicName() == null) {
                problems.add(jar.file() + ": not an OSGi bundle (its manifest has no Bundle-SymbolicName); wrap it as a bundle");
            } else if (jar.declaredSymbolicName() != null && !jar.declaredSymbolicName().equals(jar.symbolicName())) {
                problems.add(jar.file() + ": the descriptor calls it " + jar.declaredSymbolicName() + " but its manifest says " + jar.symbolicName());
            }
            if (jar.persistenceUnit() != null && !jar.persistenceUnit().equals(module.module)) {
                problems.add(jar.file() + ": " + ModuleDeclarations.UNIT_HEADER + " is '" + jar.persistenceUnit()
                        + "'; a module's persistence unit is named after the module ('" + module.module
                        + "'), the name its schema versions are recorded under");
            }
        }
    }

    private void migrations(ModuleDeclarations module, List<String> problems) {
        Map<Integer, String> seen = new HashMap<>();
        Map<String, byte[]> all = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, byte[]>> jar : module.migrations.entrySet()) {
            boolean hasUnit = module.jars.stream().anyMatch(j -> j.file().equals(jar.getKey()) && j.persistenceUnit() != null);
            if (!hasUnit) {
                problems.add(jar.getKey() + ": has migrations under " + ModuleDeclarations.MIGRATIONS + " but no "
                        + ModuleDeclarations.UNIT_HEADER + " header, so they would never run");
            }
            for (Map.Entry<String, byte[]> migration : jar.getValue().entrySet()) {
                Matcher name = MIGRATION.matcher(migration.getKey());
                if (!name.matches()) {
                    problems.add(jar.getKey() + ": migration " + migration.getKey() + " is not named V<number>__<description>.sql");
                    continue;
                }
                String other = seen.put(Integer.parseInt(name.group(1)), migration.getKey());
                if (other != null) {
                    problems.add(jar.getKey() + ": migrations " + other + " and " + migration.getKey() + " have the same number");
                }
                all.put(migration.getKey(), migration.getValue());
            }
        }
        if (!all.isEmpty()) {
            problems.addAll(changedMigrations.apply(module.module, all));
        }
    }

    private static void permissions(ModuleDeclarations module, List<String> problems) {
        for (ModuleDeclarations.Found permission : module.permissions) {
            if (!PERMISSION.matcher(permission.value()).matches()) {
                problems.add(permission.file() + " (" + permission.className() + "): permission '" + permission.value()
                        + "' breaks the naming rule: dotted lower-case words of letters and digits, e.g. reports.report.read");
            }
        }
    }

    private void paths(ModuleDeclarations module, List<String> problems) {
        Map<String, String> restOwners = new HashMap<>();
        Map<String, String> webOwners = new HashMap<>();
        for (ModuleFeature other : installed.get()) {
            if (other.id.equals(module.module)) {
                continue;
            }
            ModuleDeclarations declared = declarations(other);
            declared.restRoots.forEach(root -> restOwners.put(restRoot(root.value()), other.id));
            declared.webPaths.forEach(path -> webOwners.put(path, other.id));
        }
        for (ModuleDeclarations.Found root : module.restRoots) {
            String path = restRoot(root.value());
            if (path.equals(RESERVED_REST_ROOT) || path.startsWith(RESERVED_REST_ROOT + "/")) {
                problems.add(root.file() + " (" + root.className() + "): REST path " + path + " is under " + RESERVED_REST_ROOT + ", which the platform keeps for itself");
            } else if (restOwners.containsKey(path)) {
                problems.add(root.file() + " (" + root.className() + "): REST path " + path + " is served by module " + restOwners.get(path) + " already");
            }
        }
        for (String path : module.webPaths) {
            if (webOwners.containsKey(path)) {
                problems.add(target(module) + ": page " + path + " belongs to module " + webOwners.get(path) + " already");
            }
        }
    }

    private static String target(ModuleDeclarations module) {
        return module.module + " " + module.version;
    }

    /** A resource's {@code @Path} as served: under {@code /api}, without doubled or trailing slashes. */
    static String restRoot(String path) {
        String trimmed = path.replaceAll("/+", "/").replaceAll("^/|/$", "");
        return "/api/" + trimmed;
    }
}
