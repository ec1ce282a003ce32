package org.secretariat.platform.modules.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Carries out a {@link Plan}, all or nothing: resolves the new bundles first (nothing changes when
 * they cannot be), journals the intent, applies the default configuration and each bundle step,
 * refreshes, starts and waits for the module's components and REST paths, and closes the journal
 * together with the module's new version. Any failure undoes the steps done, newest first, and puts
 * the previous version back. After a crash, {@link #recover} brings a module back to its recorded version.
 */
final class OperationExecutor {

    private static final Logger LOG = Logger.getLogger(OperationExecutor.class.getName());

    private final ModuleFramework framework;
    private final ModulePlanner planner;
    private final DefaultConfigurations configurations;
    private final OperationJournal journal;
    private final Consumer<String> phase;

    OperationExecutor(ModuleFramework framework, ModulePlanner planner, DefaultConfigurations configurations, OperationJournal journal,
            Consumer<String> phase) {
        this.framework = framework;
        this.planner = planner;
        this.configurations = configurations;
        this.journal = journal;
        this.phase = phase;
    }

    /**
     * Resolves the plan's new bundles against the running platform without keeping them, as the
     * operation would: what is missing is refused (422) before anything changes, in a dry run too.
     */
    void checkResolvable(Plan plan) {
        if (plan.target != null) {
            phase.accept("resolving against the running platform");
            List<Path> jars = plan.steps.stream().filter(step -> step.jar != null).map(step -> step.jar).collect(Collectors.toList());
            framework.checkResolvable(plan.target.toString(), jars);
        }
    }

    void run(Plan plan) {
        checkResolvable(plan);
        List<BundleStep> steps = plan.steps.stream().map(BundleStep::of).collect(Collectors.toList());
        journal.begin(plan, steps.size());
        List<String> created = List.of();
        List<BundleStep> done = new ArrayList<>();
        try {
            if (plan.target != null) {
                phase.accept("applying default configuration");
                // Journaled first: a crash while writing them still lets the recovery delete them.
                journal.configurationsCreated(plan.module, configurations.missing(plan.target.configurations));
                created = configurations.apply(plan.target.configurations);
                journal.configurationsCreated(plan.module, created);
            }
            phase.accept("changing bundles");
            Set<Long> touched = new LinkedHashSet<>();
            for (BundleStep step : steps) {
                touched.addAll(step.apply(framework, plan.module));
                done.add(step);
                journal.stepDone(plan.module, done.size());
            }
            framework.refresh(touched);
            if (plan.target != null) {
                startAndWait(plan.module, plan.target.toString());
            }
            journal.finish(plan);
        } catch (RuntimeException e) {
            throw putBack(plan, done, created, e);
        } catch (LinkageError e) {
            // A class of a bundle refreshed under someone's feet: still the operation's failure, still put back.
            throw putBack(plan, done, created, new ModuleOperationException(500, "Failed: " + e));
        }
    }

    private void startAndWait(String module, String what) {
        List<Long> ids = planner.bundlesOf(module).values().stream().map(ModuleFramework.InstalledBundle::id).collect(Collectors.toList());
        framework.start(ids);
        phase.accept("waiting for components (and migrations)");
        framework.awaitComponents(ids);
        phase.accept("waiting for the REST paths");
        framework.awaitServing(what);
    }

    /** Undoes the steps done, newest first, and starts the previous version again; answers the failure to throw. */
    private ModuleOperationException putBack(Plan plan, List<BundleStep> done, List<String> created, RuntimeException failure) {
        String cause = failure.getMessage();
        LOG.log(Level.WARNING, "Module operation failed, putting back " + plan.module + " " + plan.fromVersion + ": " + cause, failure);
        phase.accept("putting the previous version back");
        configurations.remove(created);
        boolean restored = true;
        Set<Long> touched = new LinkedHashSet<>();
        List<BundleStep> newestFirst = new ArrayList<>(done);
        Collections.reverse(newestFirst);
        for (BundleStep step : newestFirst) {
            try {
                touched.addAll(step.undo(framework, plan.module));
            } catch (RuntimeException e) {
                restored = false;
                LOG.log(Level.SEVERE, "Could not undo " + step + " of module " + plan.module, e);
            }
        }
        try {
            framework.refresh(touched);
            if (plan.current != null) {
                startAndWait(plan.module, plan.current.toString());
            }
        } catch (RuntimeException e) {
            restored = false;
            LOG.log(Level.SEVERE, "Could not start module " + plan.module + " " + plan.fromVersion + " again", e);
        }
        String outcome = !restored ? "; putting the previous state back failed too: see the log and health"
                : plan.fromVersion == null ? "; nothing was installed" : "; version " + plan.fromVersion + " was put back";
        try {
            journal.failed(plan.module, cause + outcome, restored);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not journal the failure of the operation on module " + plan.module, e);
        }
        int status = failure instanceof ModuleOperationException ? ((ModuleOperationException) failure).status : 422;
        return new ModuleOperationException(status, cause + outcome);
    }

    /**
     * Brings a module whose operation was interrupted back to its recorded version ({@code recorded},
     * null when it was not installed): whatever bundles the crash left are changed to match, the default
     * configurations the operation created are deleted, and the bundles are started. Components are not
     * waited for: at start-up the services they need may not be there yet; health tells.
     *
     * @return what was done, for the journal and the audit log
     */
    String recover(ModuleOperationRecord interrupted, Optional<ModuleFeature> recorded) {
        String module = interrupted.moduleId;
        if (interrupted.createdConfigurations != null) {
            configurations.remove(List.of(interrupted.createdConfigurations.split(",")));
        }
        List<Plan.Step> steps = planner.bundleSteps(module, recorded.orElse(null), recorded.orElse(null), new ArrayList<>());
        Set<Long> touched = new LinkedHashSet<>();
        List<String> applied = new ArrayList<>();
        for (Plan.Step step : steps) {
            touched.addAll(BundleStep.of(step).apply(framework, module));
            if (!"keep".equals(step.action) && !"use".equals(step.action)) {
                applied.add(step.toString());
            }
        }
        framework.refresh(touched);
        framework.start(planner.bundlesOf(module).values().stream().map(ModuleFramework.InstalledBundle::id).collect(Collectors.toList()));
        String state = recorded.map(feature -> "version " + feature.versionText + " put back").orElse("the module is not installed, as before");
        return "interrupted " + interrupted.operation.toLowerCase() + " of " + module + " (" + interrupted.stepsDone + " of "
                + interrupted.stepsTotal + " steps done): " + state + (applied.isEmpty() ? "" : " (" + String.join(", ", applied) + ")");
    }

    /**
     * Installs again, from its kept copy, a module the database records as installed but whose bundles
     * the framework lacks (a data folder restored from a backup, or a bundle cache that was deleted):
     * the same bundles, its missing default configurations, started and awaited. The schema is already
     * the recorded one, so no migration runs.
     */
    String reinstate(String module, ModuleFeature recorded) {
        configurations.apply(recorded.configurations);
        List<Plan.Step> steps = planner.bundleSteps(module, recorded, recorded, new ArrayList<>());
        Set<Long> touched = new LinkedHashSet<>();
        for (Plan.Step step : steps) {
            touched.addAll(BundleStep.of(step).apply(framework, module));
        }
        framework.refresh(touched);
        List<Long> ids = planner.bundlesOf(module).values().stream().map(ModuleFramework.InstalledBundle::id).collect(Collectors.toList());
        framework.start(ids);
        framework.awaitComponents(ids);
        return module + " " + recorded.versionText + " installed again from its kept copy (" + steps.size() + " bundle steps)";
    }

    /**
     * Brings this node's bundles of {@code module} to {@code target} (null: none), as another node's
     * operation left the desired state: the default configurations, the bundle steps, the start, and the
     * wait for the components and REST paths. No migration runs (the operation's node ran them) and
     * nothing is journaled: what a crash interrupts here is simply followed again at the next start.
     */
    String follow(String module, ModuleFeature target) {
        if (target != null) {
            configurations.apply(target.configurations);
        }
        List<Plan.Step> steps = planner.bundleSteps(module, target, target, new ArrayList<>());
        Set<Long> touched = new LinkedHashSet<>();
        List<String> applied = new ArrayList<>();
        for (Plan.Step step : steps) {
            touched.addAll(BundleStep.of(step).apply(framework, module));
            if (!"keep".equals(step.action) && !"use".equals(step.action)) {
                applied.add(step.toString());
            }
        }
        framework.refresh(touched);
        if (target != null) {
            startAndWait(module, target.toString());
        }
        return module + (target == null ? " uninstalled" : " " + target.versionText) + " as on the other nodes ("
                + String.join(", ", applied) + ")";
    }
}
