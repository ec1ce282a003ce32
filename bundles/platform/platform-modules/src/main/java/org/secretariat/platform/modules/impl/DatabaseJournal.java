package org.secretariat.platform.modules.impl;

import java.time.Clock;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.secretariat.platform.api.persistence.Transactions;

/** The journal in the platform database, beside {@code MODULES_INSTALLED}. */
final class DatabaseJournal implements OperationJournal {

    private static final int TEXT = 4000;

    private final EntityManagerFactory store;
    private final Clock clock;

    DatabaseJournal(EntityManagerFactory store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void begin(Plan plan, int stepsTotal) {
        Transactions.inTransaction(store, em -> {
            ModuleOperationRecord record = em.find(ModuleOperationRecord.class, plan.module);
            if (record == null) {
                record = new ModuleOperationRecord();
                record.moduleId = plan.module;
                em.persist(record);
            }
            record.operation = plan.operation.name();
            record.fromVersion = plan.fromVersion;
            record.toVersion = plan.toVersion;
            record.state = ModuleOperationRecord.State.RUNNING.name();
            record.stepsTotal = stepsTotal;
            record.stepsDone = 0;
            record.createdConfigurations = null;
            record.outcome = null;
            record.startedAt = clock.instant();
            record.endedAt = null;
            return null;
        });
    }

    @Override
    public void configurationsCreated(String module, List<String> pids) {
        update(module, record -> record.createdConfigurations = pids.isEmpty() ? null : String.join(",", pids));
    }

    @Override
    public void stepDone(String module, int stepsDone) {
        update(module, record -> record.stepsDone = stepsDone);
    }

    @Override
    public void finish(Plan plan) {
        Transactions.inTransaction(store, em -> {
            InstalledModule installed = em.find(InstalledModule.class, plan.module);
            if (plan.target == null) {
                if (installed != null) {
                    em.remove(installed);
                }
            } else {
                if (installed == null) {
                    installed = new InstalledModule();
                    installed.moduleId = plan.module;
                    installed.installedAt = clock.instant();
                    em.persist(installed);
                }
                installed.previousVersion = plan.fromVersion;
                installed.version = plan.target.versionText;
                installed.updatedAt = clock.instant();
            }
            ModuleOperationRecord record = em.find(ModuleOperationRecord.class, plan.module);
            record.state = ModuleOperationRecord.State.DONE.name();
            record.stepsDone = record.stepsTotal;
            record.endedAt = clock.instant();
            return null;
        });
    }

    @Override
    public void failed(String module, String outcome, boolean putBack) {
        update(module, record -> {
            record.state = (putBack ? ModuleOperationRecord.State.FAILED : ModuleOperationRecord.State.RECOVERY_FAILED).name();
            record.outcome = bounded(outcome);
            record.endedAt = clock.instant();
        });
    }

    @Override
    public List<ModuleOperationRecord> unfinished() {
        return Transactions.read(store, em -> em.createQuery("SELECT r FROM ModuleOperationRecord r WHERE r.state = :running ORDER BY r.moduleId",
                ModuleOperationRecord.class).setParameter("running", ModuleOperationRecord.State.RUNNING.name()).getResultList());
    }

    @Override
    public void recovered(String module, String outcome, boolean recovered) {
        update(module, record -> {
            record.state = (recovered ? ModuleOperationRecord.State.RECOVERED : ModuleOperationRecord.State.RECOVERY_FAILED).name();
            record.outcome = bounded(outcome);
            record.endedAt = clock.instant();
        });
    }

    /** The latest operation of each module, for the Modules page. */
    List<ModuleOperationRecord> latest() {
        return Transactions.read(store, em -> em.createQuery("SELECT r FROM ModuleOperationRecord r ORDER BY r.moduleId",
                ModuleOperationRecord.class).getResultList());
    }

    private void update(String module, java.util.function.Consumer<ModuleOperationRecord> change) {
        Transactions.inTransaction(store, (EntityManager em) -> {
            ModuleOperationRecord record = em.find(ModuleOperationRecord.class, module);
            if (record != null) {
                change.accept(record);
            }
            return null;
        });
    }

    private static String bounded(String text) {
        return text == null || text.length() <= TEXT ? text : text.substring(0, TEXT - 3) + "...";
    }
}
