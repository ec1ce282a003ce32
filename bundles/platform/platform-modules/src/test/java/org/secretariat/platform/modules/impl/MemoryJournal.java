package org.secretariat.platform.modules.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The journal and the installed-modules table in memory, with the same all-or-nothing end as the database one. */
final class MemoryJournal implements OperationJournal {

    final Map<String, ModuleOperationRecord> records = new LinkedHashMap<>();
    final Map<String, InstalledModule> installed = new LinkedHashMap<>();

    Optional<InstalledModule> installed(String module) {
        return Optional.ofNullable(installed.get(module));
    }

    @Override
    public void begin(Plan plan, int stepsTotal) {
        ModuleOperationRecord record = new ModuleOperationRecord();
        record.moduleId = plan.module;
        record.operation = plan.operation.name();
        record.fromVersion = plan.fromVersion;
        record.toVersion = plan.toVersion;
        record.state = ModuleOperationRecord.State.RUNNING.name();
        record.stepsTotal = stepsTotal;
        record.startedAt = Instant.now();
        records.put(plan.module, record);
    }

    @Override
    public void configurationsCreated(String module, List<String> pids) {
        records.get(module).createdConfigurations = pids.isEmpty() ? null : String.join(",", pids);
    }

    @Override
    public void stepDone(String module, int stepsDone) {
        records.get(module).stepsDone = stepsDone;
    }

    @Override
    public void finish(Plan plan) {
        if (plan.target == null) {
            installed.remove(plan.module);
        } else {
            InstalledModule record = installed.computeIfAbsent(plan.module, m -> new InstalledModule());
            record.moduleId = plan.module;
            record.previousVersion = plan.fromVersion;
            record.version = plan.target.versionText;
        }
        records.get(plan.module).state = ModuleOperationRecord.State.DONE.name();
    }

    @Override
    public void failed(String module, String outcome, boolean putBack) {
        records.get(module).state = (putBack ? ModuleOperationRecord.State.FAILED : ModuleOperationRecord.State.RECOVERY_FAILED).name();
        records.get(module).outcome = outcome;
    }

    @Override
    public List<ModuleOperationRecord> unfinished() {
        List<ModuleOperationRecord> running = new ArrayList<>();
        records.values().stream().filter(r -> r.state() == ModuleOperationRecord.State.RUNNING).forEach(running::add);
        return running;
    }

    @Override
    public void recovered(String module, String outcome, boolean recovered) {
        records.get(module).state = (recovered ? ModuleOperationRecord.State.RECOVERED : ModuleOperationRecord.State.RECOVERY_FAILED).name();
        records.get(module).outcome = outcome;
    }
}
