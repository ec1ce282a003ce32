package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.secretariat.platform.api.persistence.SchemaVersions;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiReadiness;
import org.secretariat.platform.api.security.AuditLog;

/**
 * Installs, upgrades, rolls back and uninstalls modules while the platform runs, all or nothing:
 * the new bundles are resolved against the running framework before anything changes; then they are
 * applied, only what depends on them is refreshed, and the module's components must all come up
 * (its migrations run as its persistence unit starts) and its REST paths answer. On any failure the
 * previous bundles are put back and the cause is reported. One operation at a time.
 *
 * <p>Bundles of a module are installed under the location {@code secretariat:module:<id>:<symbolic
 * name>}; their jars are kept under {@code <data>/modules/<id>/<version>/}, so a rollback never
 * depends on a repository still holding the old version.
 */
@Component(service = ModuleManager.class)
public class ModuleManager {

    private static final Logger LOG = Logger.getLogger(ModuleManager.class.getName());
    static final String LOCATION_PREFIX = "secretariat:module:";
    private static final Duration COMPONENT_WAIT = Duration.ofSeconds(30);
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    private static final Duration REFRESH_WAIT = Duration.ofSeconds(30);

    /** The outcome of an operation. */
    static final class Result {
        final Plan plan;
        final boolean dryRun;
        final String message;

        Result(Plan plan, boolean dryRun, String message) {
            this.plan = plan;
            this.dryRun = dryRun;
            this.message = message;
        }
    }

    private final BundleContext context;
    private final ModuleRepositories repositories;
    private final EntityManagerFactory store;
    private final ServiceComponentRuntime scr;
    private final Path keptJars;
    private final ReentrantLock running = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();
    private volatile String currentOperation;
    private volatile String currentPhase;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SchemaVersions schemaVersions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrafficGate gate;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ApiReadiness readiness;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    @Activate
    public ModuleManager(BundleContext context, @Reference ModuleRepositories repositories,
            @Reference(target = "(osgi.unit.name=modules)") EntityManagerFactory store, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.repositories = repositories;
        this.store = store;
        this.scr = scr;
        String data = context.getProperty("secretariat.data");
        this.keptJars = Path.of(data == null ? "data" : data).resolve("modules");
    }

    /** What is running now, e.g. "upgrade notes 1.0.0 -> 2.0.0", or null. */
    String currentOperation() {
        return currentOperation;
    }

    /** The step the running operation is at (resolving, updating bundles, waiting for components...), or null. */
    String currentPhase() {
        return currentPhase;
    }

    private void phase(String phase) {
        currentPhase = phase;
        LOG.fine(() -> currentOperation + ": " + phase);
    }

    List<Path> repositoryFolders() {
        return repositories.folders();
    }

    List<String> remoteRepositories() {
        return repositories.remote();
    }

    Map<String, NavigableMap<Version, ModuleFeature>> available() {
        return repositories.available();
    }

    List<InstalledModule> installed() {
        return Transactions.read(store, em -> em.createQuery("SELECT m FROM InstalledModule m ORDER BY m.moduleId", InstalledModule.class).getResultList());
    }

    Optional<InstalledModule> installed(String id) {
        return Optional.ofNullable(Transactions.read(store, em -> em.find(InstalledModule.class, id)));
    }

    /** A bundle with this symbolic name and version that is not one of the module's own (the framework allows one). */
    private Optional<Bundle> installedElsewhere(String symbolicName, Version version) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    /** Who installed a bundle: a module's id, or the platform. */
    private static String owner(Bundle bundle) {
        String location = bundle.getLocation();
        if (location.startsWith(LOCATION_PREFIX)) {
            String rest = location.substring(LOCATION_PREFIX.length());
            return "module " + rest.substring(0, Math.max(0, rest.indexOf(':')));
        }
        return "the platform";
    }

    /** The running bundles of a module, by symbolic name. */
    Map<String, Bundle> bundlesOf(String module) {
        Map<String, Bundle> bundles = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX + module + ":")) {
                bundles.put(bundle.getSymbolicName(), bundle);
            }
        }
        return bundles;
    }

    // ------------------------------------------------------------------ planning

    Plan plan(Plan.Operation operation, String module, String version) {
        if (module == null || !module.matches("[a-z][a-z0-9-]{0,99}")) {
            throw new ModuleOperationException(400, "'" + module + "' is not a module id");
        }
        Optional<InstalledModule> installed = installed(module);
        NavigableMap<Version, ModuleFeature> versions = available().getOrDefault(module, new java.util.TreeMap<>());
        ModuleFeature current = installed.map(record -> kept(module, record.version)).orElse(null);
        if (installed.isPresent() && current == null && operation != Plan.Operation.UNINSTALL) {
            throw new ModuleOperationException(409, "The kept copy of " + module + " " + installed.get().version + " under "
                    + keptJars.resolve(module) + " is missing, so a failure could not be undone: uninstall and install the module again");
        }
        ModuleFeature target;
        switch (operation) {
            case INSTALL:
                if (installed.isPresent()) {
                    throw new ModuleOperationException(409, "Module " + module + " is installed already (version " + installed.get().version + "): use upgrade");
                }
                target = pick(module, versions, version);
                break;
            case UPGRADE:
                requireInstalled(module, installed);
                target = pick(module, versions, version);
                if (target.versionText.equals(installed.get().version)) {
                    throw new ModuleOperationException(409, "Module " + module + " is at version " + target.versionText + " already");
                }
                break;
            case ROLLBACK:
                requireInstalled(module, installed);
                String previous = installed.get().previousVersion;
                if (previous == null) {
                    throw new ModuleOperationException(409, "Module " + module + " has no previous version to roll back to");
                }
                target = kept(module, previous);
                if (target == null) {
                    target = pick(module, versions, previous);
                }
                break;
            case UNINSTALL:
                requireInstalled(module, installed);
                target = null;
                break;
            default:
                throw new IllegalStateException("unknown operation " + operation);
        }
        if (target != null) {
            List<String> missing = target.missingJars();
            if (!missing.isEmpty()) {
                throw new ModuleOperationException(422, "Module " + target + " cannot be installed: missing jars " + missing);
            }
        }
        Plan plan = new Plan(operation, module, current, target, installed.map(record -> record.version).orElse(null));
        Map<String, Bundle> running = bundlesOf(module);
        List<Bundle> changed = new ArrayList<>();
        if (target != null) {
            for (ModuleFeature.BundleJar bundle : target.bundles) {
                Bundle present = running.get(bundle.symbolicName);
                Optional<Bundle> elsewhere = present == null ? installedElsewhere(bundle.symbolicName, bundle.version) : Optional.empty();
                if (elsewhere.isPresent()) {
                    // A library or API another module (or the platform) installed already: use it, do not own it.
                    plan.steps.add(new Plan.Step("use", bundle.symbolicName, null, bundle.version + " (installed by " + owner(elsewhere.get()) + ")"));
                } else if (present == null) {
                    plan.steps.add(new Plan.Step("install", bundle.symbolicName, null, bundle.version.toString()));
                } else if (!present.getVersion().equals(bundle.version)) {
                    plan.steps.add(new Plan.Step("update", bundle.symbolicName, present.getVersion().toString(), bundle.version.toString()));
                    changed.add(present);
                }
            }
        }
        Set<String> kept = target == null ? Set.of() : target.bundles.stream().map(b -> b.symbolicName).collect(Collectors.toSet());
        for (Map.Entry<String, Bundle> entry : running.entrySet()) {
            if (kept.contains(entry.getKey())) {
                continue;
            }
            List<String> users = usersOutside(entry.getValue(), running.values());
            if (!users.isEmpty()) {
                // An API other modules are wired to stays, or they would be refreshed out of service.
                plan.steps.add(new Plan.Step("keep", entry.getKey(), entry.getValue().getVersion().toString(), null));
                plan.kept.add(entry.getKey() + " (used by " + String.join(", ", users) + ")");
            } else {
                plan.steps.add(new Plan.Step("uninstall", entry.getKey(), entry.getValue().getVersion().toString(), null));
                changed.add(entry.getValue());
            }
        }
        if (!changed.isEmpty()) {
            FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
            for (Bundle dependent : wiring.getDependencyClosure(changed)) {
                if (!changed.contains(dependent)) {
                    plan.refreshed.add(dependent.getSymbolicName());
                }
            }
        }
        if (target != null) {
            for (String pid : target.configurations.keySet()) {
                plan.configurations.add(pid + (configured(pid) ? " (kept: already set)" : " (module defaults)"));
            }
            int recorded = recordedSchemaVersion(module);
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

    /** Bundles outside {@code module} wired to what {@code bundle} provides (packages, capabilities). */
    private static List<String> usersOutside(Bundle bundle, Collection<Bundle> module) {
        org.osgi.framework.wiring.BundleWiring wiring = bundle.adapt(org.osgi.framework.wiring.BundleWiring.class);
        if (wiring == null) {
            return List.of();
        }
        Set<Long> own = module.stream().map(Bundle::getBundleId).collect(Collectors.toSet());
        return wiring.getProvidedWires(null).stream().map(wire -> wire.getRequirerWiring().getBundle())
                .filter(user -> !own.contains(user.getBundleId()) && user.getBundleId() != bundle.getBundleId())
                .map(Bundle::getSymbolicName).distinct().sorted().collect(Collectors.toList());
    }

    private boolean configured(String pid) {
        org.osgi.service.cm.ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            return false;
        }
        try {
            org.osgi.service.cm.Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
            return found != null && found.length > 0;
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new ModuleOperationException(500, "Configuration PID '" + pid + "' cannot be looked up: " + e.getMessage());
        }
    }

    /**
     * Creates the module's default configurations that an administrator has not set; never overwrites.
     * Answers the PIDs it created, so a failed operation can take exactly those away again.
     */
    private List<String> applyDefaultConfigurations(ModuleFeature target) throws IOException {
        org.osgi.service.cm.ConfigurationAdmin admin = configurationAdmin;
        List<String> created = new ArrayList<>();
        if (admin == null || target.configurations.isEmpty()) {
            return created;
        }
        try {
            for (Map.Entry<String, Map<String, Object>> entry : target.configurations.entrySet()) {
                if (configured(entry.getKey())) {
                    continue;
                }
                java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>(entry.getValue());
                admin.getConfiguration(entry.getKey(), "?").update(properties);
                created.add(entry.getKey());
            }
        } catch (IOException | RuntimeException e) {
            removeConfigurations(created); // the ones written before the failure
            throw e;
        }
        return created;
    }

    /** Deletes the default configurations a failed operation created (see {@link #applyDefaultConfigurations}). */
    private void removeConfigurations(List<String> pids) {
        org.osgi.service.cm.ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            return;
        }
        for (String pid : pids) {
            try {
                admin.getConfiguration(pid, "?").delete();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove the default configuration " + pid + " of a failed operation: " + e.getMessage());
            }
        }
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

    private int recordedSchemaVersion(String module) {
        SchemaVersions versions = schemaVersions;
        if (versions == null) {
            return 0;
        }
        return versions.all().stream().filter(v -> v.getModule().equals(module)).mapToInt(SchemaVersions.SchemaVersion::getVersion).findFirst().orElse(0);
    }

    // ------------------------------------------------------------------ execution

    /**
     * Plans and, unless {@code dryRun}, carries out an operation.
     *
     * @param actor who asked (a username, or "console")
     * @throws ModuleOperationException when refused or failed; the platform is then as before
     */
    Result execute(Plan.Operation operation, String module, String version, boolean dryRun, String actor) {
        if (!running.tryLock()) {
            throw new ModuleOperationException(409, "Another module operation is running: " + currentOperation);
        }
        try {
            Plan plan = plan(operation, module, version);
            if (dryRun) {
                return new Result(plan, true, "dry run: nothing changed");
            }
            currentOperation = String.join(" ", plan.describe().get(0));
            long started = System.nanoTime();
            TrafficGate held = gate;
            if (held != null) {
                held.close();
            }
            try {
                apply(plan);
            } catch (ModuleOperationException e) {
                record(actor, plan, "failure", e.getMessage());
                throw e;
            } finally {
                if (held != null) {
                    held.open();
                }
            }
            String message = String.format("%s done in %.1f s", plan.describe().get(0), (System.nanoTime() - started) / 1e9);
            record(actor, plan, "success", message);
            LOG.info(message);
            return new Result(plan, false, message);
        } finally {
            currentOperation = null;
            currentPhase = null;
            running.unlock();
        }
    }

    private void record(String actor, Plan plan, String outcome, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.record(actor, "module." + plan.operation.name().toLowerCase(), "module/" + plan.module, outcome,
                    "from " + plan.fromVersion + " to " + plan.toVersion + ": " + detail);
        }
    }

    private void apply(Plan plan) {
        if (plan.target != null) {
            phase("copying the module's jars");
            keep(plan.target);
            phase("resolving against the running platform");
            checkResolvable(plan.target);
        }
        List<String> createdConfigurations = List.of();
        if (plan.target != null) {
            phase("applying default configuration");
            try {
                createdConfigurations = applyDefaultConfigurations(plan.target);
            } catch (IOException e) {
                throw new ModuleOperationException(500, "Cannot write the default configuration of " + plan.target + ": " + e.getMessage());
            }
        }
        phase("changing bundles");
        Map<String, Bundle> before = bundlesOf(plan.module);
        List<Bundle> touched = new ArrayList<>();
        List<Bundle> installedNow = new ArrayList<>();
        try {
            changeBundles(plan, before, touched, installedNow);
            if (plan.target != null) {
                startAndWait(plan.target, bundlesOf(plan.module).values());
            }
        } catch (BundleException | IOException | RuntimeException e) {
            String cause = e instanceof BundleException ? resolutionMessage((BundleException) e) : e.getMessage();
            LOG.log(Level.WARNING, "Module operation failed, putting back " + plan.module + " " + plan.fromVersion + ": " + cause, e);
            phase("putting the previous version back");
            removeConfigurations(createdConfigurations);
            boolean restored = putBack(plan, installedNow);
            String outcome = !restored ? "; putting the previous state back failed too: see the log and health"
                    : plan.fromVersion == null ? "; nothing was installed" : "; version " + plan.fromVersion + " was put back";
            throw new ModuleOperationException(e instanceof ModuleOperationException ? ((ModuleOperationException) e).status : 422, cause + outcome);
        }
        Transactions.inTransaction(store, em -> {
            InstalledModule record = em.find(InstalledModule.class, plan.module);
            if (plan.target == null) {
                if (record != null) {
                    em.remove(record);
                }
                return null;
            }
            if (record == null) {
                record = new InstalledModule();
                record.moduleId = plan.module;
                record.installedAt = clock.instant();
                em.persist(record);
            }
            record.previousVersion = plan.fromVersion;
            record.version = plan.target.versionText;
            record.updatedAt = clock.instant();
            return null;
        });
    }

    /** Installs the new jars beside everything under temporary locations and asks the framework to resolve them; nothing else changes. */
    private void checkResolvable(ModuleFeature target) {
        List<Bundle> probes = new ArrayList<>();
        try {
            Map<String, Bundle> running = bundlesOf(target.id);
            for (ModuleFeature.BundleJar jar : target.bundles) {
                Bundle present = running.get(jar.symbolicName);
                if (present != null && present.getVersion().equals(jar.version)
                        || present == null && installedElsewhere(jar.symbolicName, jar.version).isPresent()) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(jar.jar)) {
                    probes.add(context.installBundle("secretariat:probe:" + UUID.randomUUID(), in));
                } catch (BundleException e) {
                    throw new ModuleOperationException(422, "Bundle " + jar.coordinates + " is not a valid bundle: " + e.getMessage());
                } catch (IOException e) {
                    throw new ModuleOperationException(422, "Cannot read " + jar.jar + ": " + e.getMessage());
                }
            }
            FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
            if (!probes.isEmpty() && !wiring.resolveBundles(probes)) {
                List<String> reasons = new ArrayList<>();
                for (Bundle probe : probes) {
                    if (probe.getState() == Bundle.INSTALLED && probe.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                        try {
                            probe.start(Bundle.START_TRANSIENT);
                        } catch (BundleException e) {
                            reasons.add(resolutionMessage(e));
                        }
                    }
                }
                throw new ModuleOperationException(422, "Module " + target + " cannot be resolved against the running platform: "
                        + String.join("; ", reasons) + "; nothing was changed");
            }
        } finally {
            for (Bundle probe : probes) {
                try {
                    probe.uninstall();
                } catch (BundleException | IllegalStateException e) {
                    LOG.log(Level.WARNING, "Could not remove probe bundle " + probe.getBundleId(), e);
                }
            }
            refresh(probes);
        }
    }

    /** The useful part of Felix's resolution message: the missing requirement. */
    static String resolutionMessage(BundleException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int missing = message.indexOf("missing requirement");
        String detail = missing >= 0 ? message.substring(missing) : message;
        java.util.regex.Matcher packageName = java.util.regex.Pattern.compile("osgi\\.wiring\\.package=([\\w.]+)\\)(.*?)(?:\\)\\)|$)").matcher(detail);
        if (packageName.find()) {
            return "missing package " + packageName.group(1) + versionRange(packageName.group(2)) + " (" + firstLine(detail) + ")";
        }
        return firstLine(detail);
    }

    private static String versionRange(String filter) {
        java.util.regex.Matcher low = java.util.regex.Pattern.compile("version>=([\\d.]+)").matcher(filter);
        java.util.regex.Matcher high = java.util.regex.Pattern.compile("!\\(version>=([\\d.]+)").matcher(filter);
        if (!low.find()) {
            return "";
        }
        return " version [" + low.group(1) + "," + (high.find() ? high.group(1) + ")" : "∞)");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private void changeBundles(Plan plan, Map<String, Bundle> before, List<Bundle> touched, List<Bundle> installedNow)
            throws BundleException, IOException {
        Map<String, ModuleFeature.BundleJar> jars = new LinkedHashMap<>();
        if (plan.target != null) {
            plan.target.bundles.forEach(jar -> jars.put(jar.symbolicName, jar));
        }
        for (Plan.Step step : plan.steps) {
            switch (step.action) {
                case "update": {
                    Bundle bundle = before.get(step.symbolicName);
                    try (InputStream in = Files.newInputStream(keptJar(plan.target, jars.get(step.symbolicName)))) {
                        bundle.update(in);
                    }
                    touched.add(bundle);
                    break;
                }
                case "uninstall": {
                    Bundle bundle = before.get(step.symbolicName);
                    bundle.uninstall();
                    touched.add(bundle);
                    break;
                }
                case "keep":
                case "use":
                    break;
                case "install": {
                    try (InputStream in = Files.newInputStream(keptJar(plan.target, jars.get(step.symbolicName)))) {
                        installedNow.add(context.installBundle(LOCATION_PREFIX + plan.module + ":" + step.symbolicName, in));
                    }
                    break;
                }
                default:
                    throw new IllegalStateException(step.action);
            }
        }
        refresh(touched);
    }

    private void startAndWait(ModuleFeature feature, Collection<Bundle> bundles) throws BundleException {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null && bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
        }
        phase("waiting for components (and migrations)");
        awaitComponents(bundles);
        phase("waiting for the REST paths");
        awaitRestPaths(feature);
    }

    /** Waits until every enabled component of the bundles is satisfied; fails fast on an activation failure. */
    private void awaitComponents(Collection<Bundle> bundles) {
        Set<Long> ids = bundles.stream().map(Bundle::getBundleId).collect(Collectors.toSet());
        long deadline = System.nanoTime() + COMPONENT_WAIT.toNanos();
        while (true) {
            List<String> waiting = new ArrayList<>();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
                if (!ids.contains(description.bundle.id) || !scr.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        throw new ModuleOperationException(422, "Component " + description.name + " failed to activate: " + rootCause(configuration.failure));
                    }
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        waiting.add(description.name + " (missing " + java.util.Arrays.stream(configuration.unsatisfiedReferences)
                                .map(r -> r.name + (r.target == null ? "" : " " + r.target)).collect(Collectors.joining(", ")) + ")");
                    } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                        waiting.add(description.name + " (waiting for its configuration)");
                    }
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ModuleOperationException(422, "Components not satisfied after " + COMPONENT_WAIT.toSeconds() + " s: " + waiting);
            }
            sleep(50);
        }
    }

    static String rootCause(String failure) {
        if (failure == null) {
            return "unknown reason";
        }
        String line = failure.lines().findFirst().orElse(failure);
        for (String candidate : (Iterable<String>) failure.lines()::iterator) {
            if (candidate.startsWith("Caused by: ")) {
                line = candidate.substring("Caused by: ".length());
            }
        }
        return line;
    }

    /**
     * Waits until the JAX-RS whiteboard serves the module's resources: the application it rebuilds for each
     * resource that comes or goes is running again with all of them (read from the runtime, so also under HTTPS).
     */
    private void awaitRestPaths(ModuleFeature feature) {
        ApiReadiness api = readiness;
        if (api == null) {
            return;
        }
        try {
            Optional<String> problem = api.awaitServing(REST_WAIT);
            if (problem.isPresent()) {
                throw new ModuleOperationException(422, "REST paths " + feature.restPaths + " of " + feature + " did not come up within "
                        + REST_WAIT.toSeconds() + " s: " + problem.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleOperationException(503, "Interrupted while waiting for the REST paths of " + feature);
        }
    }

    /**
     * Puts the module's previous bundles back after a failure: removes what this operation installed
     * and, for a module that was installed, brings its kept version back. Bundles that were there
     * before and are not the module's own (kept API bundles) are never removed.
     *
     * @return whether it succeeded
     */
    private boolean putBack(Plan plan, List<Bundle> installedNow) {
        try {
            for (Bundle bundle : installedNow) {
                if (bundle.getState() != Bundle.UNINSTALLED) {
                    bundle.uninstall();
                }
            }
            Map<String, Bundle> now = bundlesOf(plan.module);
            List<Bundle> touched = new ArrayList<>(installedNow);
            if (plan.current != null) {
                Set<String> previous = new HashSet<>();
                for (ModuleFeature.BundleJar jar : plan.current.bundles) {
                    previous.add(jar.symbolicName);
                    Bundle present = now.get(jar.symbolicName);
                    if (present == null && installedElsewhere(jar.symbolicName, jar.version).isPresent()) {
                        continue; // used from another module or the platform, as before
                    }
                    try (InputStream in = Files.newInputStream(jar.jar)) {
                        if (present == null) {
                            context.installBundle(LOCATION_PREFIX + plan.module + ":" + jar.symbolicName, in);
                        } else if (!present.getVersion().equals(jar.version)) {
                            present.update(in);
                            touched.add(present);
                        }
                    }
                }
                for (Map.Entry<String, Bundle> entry : now.entrySet()) {
                    if (!previous.contains(entry.getKey())) {
                        entry.getValue().uninstall();
                        touched.add(entry.getValue());
                    }
                }
            }
            refresh(touched);
            if (plan.current != null) {
                startAndWait(plan.current, bundlesOf(plan.module).values());
            }
            return true;
        } catch (BundleException | IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not fully put back module " + plan.module + " " + plan.fromVersion + ": " + e.getMessage(), e);
            return false;
        }
    }

    private void refresh(Collection<Bundle> bundles) {
        if (bundles.isEmpty()) {
            return;
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new ModuleOperationException(500, "Refreshing bundles took longer than " + REFRESH_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleOperationException(500, "Interrupted while refreshing bundles");
        }
    }

    // ------------------------------------------------------------------ kept jars

    /** Copies the feature and its jars under {@code <data>/modules/<id>/<version>/} (once). */
    private void keep(ModuleFeature feature) {
        Path folder = keptJars.resolve(feature.id).resolve(feature.versionText);
        try {
            Files.createDirectories(folder);
            for (ModuleFeature.BundleJar jar : feature.bundles) {
                Path kept = keptJar(feature, jar);
                if (!Files.exists(kept)) {
                    Files.createDirectories(kept.getParent());
                    Files.copy(jar.jar, kept, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(feature.descriptor, folder.resolve("module.feature.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ModuleOperationException(500, "Cannot keep a copy of " + feature + " under " + folder + ": " + e.getMessage());
        }
    }

    private Path keptJar(ModuleFeature feature, ModuleFeature.BundleJar jar) {
        Path folder = keptJars.resolve(feature.id).resolve(feature.versionText);
        String[] parts = jar.coordinates.split(":");
        try {
            return ModuleFeature.artifactPath(folder, parts[0], parts[1], parts[parts.length - 1], ".jar");
        } catch (IOException e) {
            throw new ModuleOperationException(422, e.getMessage());
        }
    }

    /** A version kept under the data folder, read back as a feature whose jars are the kept ones. */
    private ModuleFeature kept(String module, String version) {
        Path folder = keptJars.resolve(module).resolve(version);
        Path descriptor = folder.resolve("module.feature.json");
        if (!Files.exists(descriptor)) {
            return null;
        }
        try {
            return ModuleFeature.read(descriptor, folder, new com.fasterxml.jackson.databind.ObjectMapper());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read kept module " + descriptor + ": " + e.getMessage());
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleOperationException(500, "Interrupted");
        }
    }
}
