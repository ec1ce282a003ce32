package org.secretariat.platform.modules.impl;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.secretariat.platform.api.security.AuditLog;

/**
 * What the module manager sets right at start, before the platform answers ready: bundles a
 * resolution check left behind, each operation a crash interrupted (put back), and each module the
 * database records but the framework lacks (installed again from its kept copy). Each outcome is
 * journaled or audited; a failure is recorded, never thrown, and stays named in health.
 */
final class StartRecovery {

    private static final Logger LOG = Logger.getLogger(StartRecovery.class.getName());
    static final String ACTOR = "platform (start-up recovery)";

    private final ModuleFramework framework;
    private final OperationExecutor executor;
    private final OperationJournal journal;
    private final BiFunction<String, String, ModuleFeature> kept;
    private final Function<String, Optional<InstalledModule>> installed;
    private final Supplier<AuditLog> audit;
    private final BooleanSupplier configurationAdminPresent;
    private final Consumer<String> describe;

    /**
     * @param describe told what is being done now, for the operation shown on the Modules page
     */
    StartRecovery(ModuleFramework framework, OperationExecutor executor, OperationJournal journal, BiFunction<String, String, ModuleFeature> kept,
            Function<String, Optional<InstalledModule>> installed, Supplier<AuditLog> audit, BooleanSupplier configurationAdminPresent,
            Consumer<String> describe) {
        this.framework = framework;
        this.executor = executor;
        this.journal = journal;
        this.kept = kept;
        this.installed = installed;
        this.audit = audit;
        this.configurationAdminPresent = configurationAdminPresent;
        this.describe = describe;
    }

    /** Bundles installed only to check a module resolves, left behind by a crash during that check. */
    void removeProbes(List<Long> probes) {
        try {
            LOG.warning("Removing " + probes.size() + " bundles left by a resolution check a crash interrupted");
            probes.forEach(framework::uninstall);
            framework.refresh(probes);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not remove the bundles a resolution check left behind", e);
        }
    }

    /** One interrupted operation: put back, journaled and audited. */
    void putBack(ModuleOperationRecord record) {
        describe.accept("recovery of " + record.operation.toLowerCase() + " " + record.moduleId);
        String outcome;
        boolean done;
        try {
            if (record.createdConfigurations != null) {
                awaitConfigurationAdmin();
            }
            Optional<InstalledModule> module = installed.apply(record.moduleId);
            Optional<ModuleFeature> recorded = module.map(m -> kept.apply(m.moduleId, m.version));
            if (module.isPresent() && recorded.isEmpty()) {
                throw new ModuleOperationException(500, "the kept copy of " + record.moduleId + " " + module.get().version + " is missing");
            }
            outcome = executor.recover(record, recorded);
            done = true;
            LOG.warning("Put back at start: " + outcome);
        } catch (RuntimeException | LinkageError e) {
            outcome = "the interrupted " + record.operation.toLowerCase() + " of " + record.moduleId + " could not be put back: " + e.getMessage();
            done = false;
            LOG.log(Level.SEVERE, outcome, e);
        }
        try {
            journal.recovered(record.moduleId, outcome, done);
            audit(record.moduleId, "module.recover", done ? "success" : "failure", outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not record the recovery of module " + record.moduleId + ": " + outcome, e);
        }
    }

    /**
     * A module recorded as installed whose bundles the framework lacks (restored data, a deleted bundle
     * cache): installed again from its kept copy, audited.
     */
    void reinstate(InstalledModule module) {
        describe.accept("installation of " + module.moduleId + " " + module.version + " from its kept copy");
        try {
            awaitConfigurationAdmin();
            String outcome = executor.reinstate(module.moduleId, kept.apply(module.moduleId, module.version));
            LOG.warning("At start: " + outcome);
            audit(module.moduleId, "module.reinstate", "success", outcome);
        } catch (RuntimeException | LinkageError e) {
            String outcome = module.moduleId + " " + module.version + " could not be installed again from its kept copy: " + e.getMessage();
            LOG.log(Level.SEVERE, outcome, e);
            audit(module.moduleId, "module.reinstate", "failure", outcome);
        }
    }

    private void audit(String module, String action, String outcome, String detail) {
        AuditLog log = audit.get();
        if (log != null) {
            log.record(ACTOR, action, "module/" + module, outcome, detail);
        }
    }

    /** Default configurations are created and deleted through Configuration Admin, which may come up after the manager. */
    private void awaitConfigurationAdmin() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!configurationAdminPresent.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ModuleOperationException(503, "Configuration Admin did not come up: default configurations could not be set");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModuleOperationException(503, "Interrupted");
            }
        }
    }
}
