package org.secretariat.platform.modules.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.osgi.framework.Version;

/**
 * Brings this node's framework to the desired state the database records ({@code MODULES_INSTALLED}:
 * which modules, at which versions), so an operation carried out on one node is carried out on every
 * other node sharing the database. The operation's node did the rest once for all: the migrations, the
 * installed-version record and the journal; a follower only changes its own bundles — the same steps
 * the crash recovery takes ({@link ModulePlanner#bundleSteps}) — and waits for the module's components
 * and REST paths. It takes each version from its own repositories (every node runs the same
 * distribution and module repositories) into its own kept copies.
 *
 * <p>A module that could not be brought in step is not tried again for the same version for a minute,
 * and is named in health meanwhile.
 */
final class ClusterFollower {

    private static final Logger LOG = Logger.getLogger(ClusterFollower.class.getName());
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    /** What a follower reads of the module manager: the desired state, this node's modules, the kept copies, the repositories. */
    record Host(Supplier<List<InstalledModule>> desired, Supplier<Set<String>> modulesWithBundles,
            BiFunction<String, String, ModuleFeature> kept, UnaryOperator<ModuleFeature> keep,
            Supplier<Map<String, NavigableMap<Version, ModuleFeature>>> available) {
    }

    private final Host host;
    private final ModulePlanner planner;
    private final OperationExecutor executor;
    private final Clock clock;
    /** Module → "version: problem", for health, with when it may be tried again. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> retryAt = new ConcurrentHashMap<>();

    ClusterFollower(Host host, ModulePlanner planner, OperationExecutor executor, Clock clock) {
        this.host = host;
        this.planner = planner;
        this.executor = executor;
        this.clock = clock;
    }

    /** The modules whose bundles differ from the desired state, with the version wanted (null: not installed). */
    Map<String, String> outOfStep() {
        Map<String, String> wanted = new LinkedHashMap<>();
        host.desired().get().forEach(module -> wanted.put(module.moduleId, module.version));
        Set<String> modules = new LinkedHashSet<>(wanted.keySet());
        modules.addAll(host.modulesWithBundles().get());
        Map<String, String> different = new LinkedHashMap<>();
        for (String module : modules) {
            String version = wanted.get(module);
            ModuleFeature target = version == null ? null : host.kept().apply(module, version);
            if (version != null && target == null) {
                different.put(module, version);
                continue;
            }
            boolean changes = planner.bundleSteps(module, target, target, new ArrayList<>()).stream()
                    .anyMatch(step -> !"keep".equals(step.action) && !"use".equals(step.action));
            if (changes) {
                different.put(module, version);
            }
        }
        return different;
    }

    /**
     * Brings every module out of step in step, one after the other.
     *
     * @param progress told "module version" as each starts
     * @return what was done, one line a module
     */
    List<String> catchUp(Function<String, Boolean> progress) {
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, String> entry : outOfStep().entrySet()) {
            String module = entry.getKey();
            String version = entry.getValue();
            Instant notBefore = retryAt.get(module + "@" + version);
            if (notBefore != null && clock.instant().isBefore(notBefore)) {
                continue;
            }
            progress.apply(module + " " + (version == null ? "(uninstall)" : version));
            try {
                done.add(follow(module, version));
                failures.remove(module);
                retryAt.remove(module + "@" + version);
            } catch (RuntimeException e) {
                String problem = "could not be brought to " + (version == null ? "not installed" : version)
                        + " as the other nodes: " + e.getMessage();
                failures.put(module, problem);
                retryAt.put(module + "@" + version, clock.instant().plus(RETRY_AFTER));
                LOG.log(Level.WARNING, "Module " + module + " " + problem, e);
            }
        }
        return done;
    }

    private String follow(String module, String version) {
        ModuleFeature target = null;
        if (version != null) {
            target = host.kept().apply(module, version);
            if (target == null) {
                NavigableMap<Version, ModuleFeature> versions = host.available().get().get(module);
                ModuleFeature offered = versions == null ? null : versions.get(Version.parseVersion(version));
                if (offered == null) {
                    throw new ModuleOperationException(404, "version " + version + " of module " + module
                            + " is in none of this node's repositories: give every node the same module repositories");
                }
                target = host.keep().apply(offered);
            }
        }
        String outcome = executor.follow(module, target);
        LOG.info(() -> "Cluster: " + outcome);
        return outcome;
    }


    /** The module ids in bundle locations {@code <prefix><module>:<symbolic name>}. */
    static Set<String> moduleIds(List<String> locations, String prefix) {
        return locations.stream().filter(location -> location.startsWith(prefix))
                .map(location -> location.substring(prefix.length()))
                .filter(rest -> rest.indexOf(':') > 0)
                .map(rest -> rest.substring(0, rest.indexOf(':')))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ------------------------------------------------------------ the rounds

    /** What the rounds need of the module manager: its lock, the traffic gate, and what the cluster looks like. */
    interface Rounds {
        /** Takes the module manager's lock and holds requests, or false when an operation or a recovery runs here. */
        boolean begin();

        void end();

        /** Whether other nodes are alive: then the desired state can change under this node at any time. */
        boolean othersAlive();

        /** Whether an operation runs on another node now: its desired state is not final yet. */
        boolean operationElsewhere();
    }

    private ScheduledExecutorService scheduler;
    private volatile boolean firstRoundDone;
    private final Map<String, String> catchingUp = new ConcurrentHashMap<>();

    /**
     * Starts the rounds: the first at once (a node that starts later catches up before health says UP:
     * the modules out of step are named in health until then), then every {@code every} while other
     * nodes are alive.
     */
    void start(Rounds rounds, Duration every) {
        outOfStep().forEach((module, version) -> catchingUp.put(module, version == null ? "not installed" : version));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secretariat-module-follower");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> round(rounds), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void round(Rounds rounds) {
        try {
            if (firstRoundDone && !rounds.othersAlive()) {
                return;
            }
            if (outOfStep().isEmpty()) {
                // In step (the usual answer): requests are not held for a round that changes nothing.
                firstRoundDone = true;
                catchingUp.clear();
                return;
            }
            if (rounds.operationElsewhere() || !rounds.begin()) {
                return;
            }
            try {
                catchUp(what -> true);
                firstRoundDone = true;
                catchingUp.clear();
            } finally {
                rounds.end();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cluster: the modules could not be compared with the desired state: " + e.getMessage(), e);
        }
    }

    /** For health: modules this node has not yet caught up with, or could not. */
    Map<String, String> health() {
        Map<String, String> problems = new LinkedHashMap<>();
        catchingUp.forEach((module, version) -> problems.put(module, "catching up with the other nodes (" + version + ")"));
        problems.putAll(failures);
        return problems;
    }
}
