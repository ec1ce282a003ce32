package org.secretariat.platform.modules.impl;

import java.util.ArrayList;
import java.util.List;

/** What an operation will do, shown by a dry run and carried out by the real one. */
final class Plan {

    enum Operation { INSTALL, UPGRADE, ROLLBACK, UNINSTALL }

    /**
     * One bundle's change: what it is (action, name, versions: shown by a dry run) and what carrying it
     * out and undoing it need (the bundle, the jar to apply, the jar of the version before).
     */
    static final class Step {
        final String action;
        final String symbolicName;
        final String from;
        final String to;
        /** The installed bundle this step changes, or -1 (an install, a bundle used from elsewhere). */
        final long bundleId;
        /** The jar an install or update applies. */
        final java.nio.file.Path jar;
        /** The jar of the version before, which an undo puts back (null: nothing to put back). */
        final java.nio.file.Path previousJar;

        Step(String action, String symbolicName, String from, String to) {
            this(action, symbolicName, from, to, -1, null, null);
        }

        Step(String action, String symbolicName, String from, String to, long bundleId, java.nio.file.Path jar, java.nio.file.Path previousJar) {
            this.action = action;
            this.symbolicName = symbolicName;
            this.from = from;
            this.to = to;
            this.bundleId = bundleId;
            this.jar = jar;
            this.previousJar = previousJar;
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
