package org.secretariat.platform.modules.impl;

import java.util.ArrayList;
import java.util.List;

/** What an operation will do, shown by a dry run and carried out by the real one. */
final class Plan {

    enum Operation { INSTALL, UPGRADE, ROLLBACK, UNINSTALL }

    /** One bundle's change. */
    static final class Step {
        final String action;
        final String symbolicName;
        final String from;
        final String to;

        Step(String action, String symbolicName, String from, String to) {
            this.action = action;
            this.symbolicName = symbolicName;
            this.from = from;
            this.to = to;
        }

        @Override
        public String toString() {
            if (from != null && to != null) {
                return action + " " + symbolicName + " " + from + " -> " + to;
            }
            return action + " " + symbolicName + " " + (to != null ? to : from);
        }
    }

    final Operation operation;
    final String module;
    final String fromVersion;
    final String toVersion;
    final ModuleFeature target;
    final ModuleFeature current;
    final List<Step> steps = new ArrayList<>();
    final List<String> refreshed = new ArrayList<>();
    final List<String> migrations = new ArrayList<>();
    final List<String> kept = new ArrayList<>();
    final List<String> configurations = new ArrayList<>();

    Plan(Operation operation, String module, ModuleFeature current, ModuleFeature target, String fromVersion) {
        this.operation = operation;
        this.module = module;
        this.current = current;
        this.target = target;
        this.fromVersion = fromVersion;
        this.toVersion = target == null ? null : target.versionText;
    }

    /** The plan as lines for a console. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(operation.name().toLowerCase() + " " + module + (fromVersion == null ? "" : " " + fromVersion)
                + (toVersion == null ? "" : " -> " + toVersion));
        steps.forEach(step -> lines.add("  " + step));
        if (!refreshed.isEmpty()) {
            lines.add("  refresh " + String.join(", ", refreshed));
        }
        migrations.forEach(migration -> lines.add("  migrate " + migration));
        kept.forEach(bundle -> lines.add("  keep " + bundle));
        configurations.forEach(pid -> lines.add("  configure " + pid));
        return lines;
    }
}
