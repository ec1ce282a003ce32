package org.secretariat.platform.modules.impl;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.secretariat.platform.api.cluster.ClusterNodes;
import org.secretariat.platform.api.cluster.Leases;
import org.secretariat.platform.api.health.HealthContributor;
import org.secretariat.platform.api.persistence.SchemaVersions;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiReadiness;
import org.secretariat.platform.api.security.AuditLog;

/**
 * Installs, upgrades, rolls back and uninstalls modules while the platform runs, one operation at a
 * time, all or nothing — across a crash too. The parts: {@link ModulePlanner} decides (a dry run
 * stops there), {@link OperationExecutor} carries out and puts back, {@link OperationJournal} makes
 * the intent and each step durable, {@link KeptModules} keeps every installed version's jars,
 * {@link DefaultConfigurations} the module's defaults, and {@link ModuleFramework} is the seam to Felix.
 * At start, an operation the journal shows interrupted is put back before health says UP; health
 * also names a module whose recorded bundles are not all there.
 */
@Component(service = {ModuleManager.class, HealthContributor.class}, immediate = true)
public class ModuleManager implements HealthContributor {

    private static final Logger LOG = Logger.getLogger(ModuleManager.class.getName());
    static final String LOCATION_PREFIX = ModulePlanner.LOCATION_PREFIX;

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
    private final KeptModules kept;
    private final DatabaseJournal journal;
    private final ModuleFramework framework;
    private final DefaultConfigurations configurations;
    private final ModulePlanner planner;
    private final OperationExecutor executor;
    private final ClusterFollower follower;
    private final ReentrantLock running = new ReentrantLock();
    private final Map<String, String> recovering = new ConcurrentHashMap<>();
    private volatile String currentOperation;
    private volatile String currentPhase;
    private final FrameworkStart frameworkStart;
    private volatile Thread recovery;
    private volatile boolean stopped;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SchemaVersions schemaVersions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrafficGate gate;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ApiReadiness readiness;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Leases leases;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClusterNodes nodes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    @Activate
    public ModuleManager(BundleContext context, @Reference ModuleRepositories repositories,
            @Reference(target = "(osgi.unit.name=modules)") EntityManagerFactory store, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.repositories = repositories;
        this.store = store;
        String data = context.getProperty("secretariat.data");
        this.kept = new KeptModules(Path.of(data == null ? "data" : data).resolve("modules"));
        this.journal = new DatabaseJournal(store, Clock.systemUTC());
        this.framework = new FelixModuleFramework(context, scr, () -> readiness);
        this.frameworkStart = new FrameworkStart(context);
        this.configurations = new DefaultConfigurations(() -> configurationAdmin);
        ModuleChecks checks = new ModuleChecks(this::installedFeatures, this::changedMigrations);
        this.planner = new ModulePlanner(framework, kept::kept, module -> repositories.available().get(module),
                configurations::configured, this::recordedSchemaVersion, checks);
        this.executor = new OperationExecutor(framework, planner, configurations, journal, this::phase);
        this.follower = new ClusterFollower(new ClusterFollower.Host(this::installed, this::modulesWithBundles, kept::kept, kept::keep,
                repositories::available), planner, executor, Clock.systemUTC());
    }

    /**
     * Starts the recovery of what a crash interrupted. An activate method, not the constructor: the
     * gate, the audit log and Configuration Admin are injected into their fields only after construction.
     */
    @Activate
    void recoverInterrupted() {
        List<ModuleOperationRecord> unfinished = journal.unfinished();
        // Not interrupted when another node sharing the database runs it now: that node finishes it or puts it back.
        boolean elsewhere = !unfinished.isEmpty() && runningOnAnotherNode();
        if (elsewhere) {
            LOG.info(() -> "A module operation runs on another node; not putting back " + unfinished.size() + " operation(s)");
        }
        List<ModuleOperationRecord> interrupted = elsewhere ? List.of() : unfinished;
        List<Long> probes = framework.bundles().stream().filter(b -> b.location().startsWith(FelixModuleFramework.PROBE_PREFIX))
                .map(ModuleFramework.InstalledBundle::id).collect(java.util.stream.Collectors.toList());
        Set<String> interruptedModules = interrupted.stream().map(record -> record.moduleId).collect(java.util.stream.Collectors.toSet());
        List<InstalledModule> absent = installed().stream()
                .filter(module -> !interruptedModules.contains(module.moduleId) && bundlesOf(module.moduleId).isEmpty()
                        && kept.kept(module.moduleId, module.version) != null)
                .collect(java.util.stream.Collectors.toList());
        if (!interrupted.isEmpty() || !probes.isEmpty() || !absent.isEmpty()) {
            interrupted.forEach(record -> recovering.put(record.moduleId, record.operation.toLowerCase()));
            probes.forEach(probe -> recovering.put("platform", "resolution check"));
            absent.forEach(module -> recovering.put(module.moduleId, "installation from its kept copy"));
            recovery = new Thread(() -> {
                if (frameworkStart.await(() -> stopped)) {
                    recover(interrupted, probes, absent);
                }
            }, "secretariat-module-recovery");
            recovery.start();
        }
        follower.start(new FollowerRounds(running, () -> recovering.isEmpty() && frameworkStart.done(), () -> gate, () -> nodes,
                this::runningOnAnotherNode, operation -> currentOperation = operation), FOLLOW_EVERY);
    }

    /** How often a node looks whether another node changed the modules, while other nodes are alive. */
    static final java.time.Duration FOLLOW_EVERY = java.time.Duration.ofSeconds(2);

    private Set<String> modulesWithBundles() {
        return ClusterFollower.moduleIds(java.util.Arrays.stream(context.getBundles()).map(Bundle::getLocation)
                .collect(java.util.stream.Collectors.toList()), LOCATION_PREFIX);
    }

    private boolean runningOnAnotherNode() {
        Leases shared = leases;
        ClusterNodes cluster = nodes;
        if (shared == null || cluster == null) {
            return false;
        }
        return shared.holder(OperationLease.NAME).filter(holder -> !holder.equals(cluster.thisNode())).isPresent();
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopped = true;
        follower.stop();
        Thread started = recovery;
        if (started != null) {
            started.join(60_000);
        }
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

    /** The kept descriptors of the installed modules, whose declarations a new module must not collide with. */
    private List<ModuleFeature> installedFeatures() {
        List<ModuleFeature> features = new ArrayList<>();
        for (InstalledModule module : installed()) {
            ModuleFeature feature = kept.kept(module.moduleId, module.version);
            if (feature != null) {
                features.add(feature);
            }
        }
        return features;
    }

    private List<String> changedMigrations(String module, Map<String, byte[]> migrations) {
        SchemaVersions versions = schemaVersions;
        return versions == null ? List.of() : versions.changedMigrations(module, migrations);
    }

    List<InstalledModule> installed() {
        return Transactions.read(store, em -> em.createQuery("SELECT m FROM InstalledModule m ORDER BY m.moduleId", InstalledModule.class).getResultList());
    }

    Optional<InstalledModule> installed(String id) {
        return Optional.ofNullable(Transactions.read(store, em -> em.find(InstalledModule.class, id)));
    }

    /** The latest operation of each module, as journaled. */
    List<ModuleOperationRecord> latestOperations() {
        return journal.latest();
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

    /** The bundles of a module's recorded version that the framework does not run at that version. */
    List<String> missingBundles(InstalledModule module) {
        ModuleFeature feature = kept.kept(module.moduleId, module.version);
        if (feature == null) {
            return List.of("the kept copy of " + module.moduleId + " " + module.version);
        }
        List<String> missing = new ArrayList<>();
        for (ModuleFeature.BundleJar jar : feature.bundles) {
            boolean present = false;
            for (Bundle bundle : context.getBundles()) {
                present |= jar.symbolicName.equals(bundle.getSymbolicName()) && jar.version.equals(bundle.getVersion());
            }
            if (!present) {
                missing.add(jar.symbolicName + " " + jar.version);
            }
        }
        return missing;
    }

    Plan plan(Plan.Operation operation, String module, String version) {
        return planner.plan(operation, module, version, module == null ? Optional.empty() : installed(module));
    }

    /**
     * Plans and, unless {@code dryRun}, carries out an operation.
     *
     * @param actor who asked (a username, or "console")
     * @throws ModuleOperationException when refused or failed; the platform is then as before
     */
    Result execute(Plan.Operation operation, String module, String version, boolean dryRun, String actor) {
        if (!recovering.isEmpty()) {
            throw new ModuleOperationException(409, "An interrupted module operation is being put back: " + recovering);
        }
        if (!frameworkStart.done()) {
            throw new ModuleOperationException(503, "The platform is still starting; try again once it has started");
        }
        if (!running.tryLock()) {
            throw new ModuleOperationException(409, "Another module operation is running: " + currentOperation);
        }
        try {
            Plan plan = plan(operation, module, version);
            if (dryRun) {
                executor.checkResolvable(plan);
                return new Result(plan, true, "dry run: nothing changed");
            }
            currentOperation = String.join(" ", plan.describe().get(0));
            long started = System.nanoTime();
            OperationLease lease = OperationLease.take(leases);
            TrafficGate held = gate;
            if (held != null) {
                held.close();
            }
            try {
                if (plan.target != null) {
                    phase("copying the module's jars");
                    plan = planner.withKeptTarget(plan, kept.keep(plan.target), installed(plan.module));
                }
                executor.run(plan);
            } catch (ModuleOperationException e) {
                record(actor, plan, "failure", e.getMessage());
                throw e;
            } finally {
                if (held != null) {
                    held.open();
                }
                if (lease != null) {
                    lease.close();
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

    /** Puts back each operation a crash interrupted, with requests held meanwhile; health is DOWN until it is done. */
    private void recover(List<ModuleOperationRecord> interrupted, List<Long> probes, List<InstalledModule> absent) {
        running.lock();
        TrafficGate held = gate;
        if (held != null) {
            held.close();
        }
        StartRecovery recovery = new StartRecovery(framework, executor, journal, kept::kept, this::installed, () -> audit,
                () -> configurationAdmin != null, operation -> currentOperation = operation);
        try {
            if (!probes.isEmpty()) {
                recovery.removeProbes(probes);
                recovering.remove("platform");
            }
            for (ModuleOperationRecord record : interrupted) {
                recovery.putBack(record);
                recovering.remove(record.moduleId);
            }
            for (InstalledModule module : absent) {
                recovery.reinstate(module);
                recovering.remove(module.moduleId);
            }
        } finally {
            recovering.clear();
            currentOperation = null;
            if (held != null) {
                held.open();
            }
            running.unlock();
        }
    }

    /** For health: an operation being put back, one that could not be, a module whose bundles are not all there. */
    @Override
    public Map<String, List<String>> problems() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        follower.health().forEach((module, problem) -> problems.computeIfAbsent(module, m -> new ArrayList<>()).add(problem));
        recovering.forEach((module, operation) -> problems.computeIfAbsent(module, m -> new ArrayList<>())
                .add("an interrupted " + operation + " is being put back"));
        boolean idle = !running.isLocked();
        for (ModuleOperationRecord record : journal.latest()) {
            if (record.state() == ModuleOperationRecord.State.RECOVERY_FAILED) {
                problems.computeIfAbsent(record.moduleId, m -> new ArrayList<>()).add(record.outcome);
            } else if (record.state() == ModuleOperationRecord.State.RUNNING && idle && recovering.isEmpty() && !runningOnAnotherNode()) {
                problems.computeIfAbsent(record.moduleId, m -> new ArrayList<>()).add("the " + record.operation.toLowerCase()
                        + " started at " + record.startedAt + " did not finish; it is put back at the next start");
            }
        }
        if (recovering.isEmpty()) {
            for (InstalledModule module : installed()) {
                List<String> missing = missingBundles(module);
                if (!missing.isEmpty()) {
                    problems.computeIfAbsent(module.moduleId, m -> new ArrayList<>())
                            .add("installed at " + module.version + " but missing " + String.join(", ", missing));
                }
            }
        }
        return problems;
    }

    private int recordedSchemaVersion(String module) {
        SchemaVersions versions = schemaVersions;
        if (versions == null) {
            return 0;
        }
        return versions.all().stream().filter(v -> v.getModule().equals(module)).mapToInt(SchemaVersions.SchemaVersion::getVersion).findFirst().orElse(0);
    }
}
