package org.secretariat.platform.modules.impl;

import java.util.List;

/**
 * One bundle change of a {@link Plan}, carried out against the framework and undone again: each kind
 * knows how to do itself and how to put back what it did. Which bundles a refresh must then take in
 * is answered after each.
 */
abstract class BundleStep {

    final Plan.Step step;

    BundleStep(Plan.Step step) {
        this.step = step;
    }

    static BundleStep of(Plan.Step step) {
        switch (step.action) {
            case "install": return new Install(step);
            case "update": return new Update(step);
            case "uninstall": return new Uninstall(step);
            case "keep":
            case "use": return new Unchanged(step);
            default: throw new IllegalStateException("unknown step " + step.action);
        }
    }

    /** Carries the step out; answers the bundles to refresh afterwards. */
    abstract List<Long> apply(ModuleFramework framework, String module);

    /** Puts back what {@link #apply} did; answers the bundles to refresh afterwards. */
    abstract List<Long> undo(ModuleFramework framework, String module);

    @Override
    public String toString() {
        return step.toString();
    }

    /** A new bundle of the module. */
    static final class Install extends BundleStep {
        private long installed = -1;

        Install(Plan.Step step) {
            super(step);
        }

        @Override
        List<Long> apply(ModuleFramework framework, String module) {
            installed = framework.install(ModulePlanner.location(module, step.symbolicName), step.jar);
            return List.of();
        }

        @Override
        List<Long> undo(ModuleFramework framework, String module) {
            framework.uninstall(installed);
            return List.of(installed);
        }
    }

    /** A new revision of a bundle of the module. */
    static final class Update extends BundleStep {
        Update(Plan.Step step) {
            super(step);
        }

        @Override
        List<Long> apply(ModuleFramework framework, String module) {
            framework.update(step.bundleId, step.jar);
            return List.of(step.bundleId);
        }

        @Override
        List<Long> undo(ModuleFramework framework, String module) {
            if (step.previousJar == null) {
                throw new ModuleOperationException(500, "No kept jar of " + step.symbolicName + " " + step.from + " to put back");
            }
            framework.update(step.bundleId, step.previousJar);
            return List.of(step.bundleId);
        }
    }

    /** A bundle the module no longer has. */
    static final class Uninstall extends BundleStep {
        Uninstall(Plan.Step step) {
            super(step);
        }

        @Override
        List<Long> apply(ModuleFramework framework, String module) {
            framework.uninstall(step.bundleId);
            return List.of(step.bundleId);
        }

        @Override
        List<Long> undo(ModuleFramework framework, String module) {
            if (step.previousJar == null) {
                throw new ModuleOperationException(500, "No kept jar of " + step.symbolicName + " " + step.from + " to put back");
            }
            framework.install(ModulePlanner.location(module, step.symbolicName), step.previousJar);
            return List.of();
        }
    }

    /** A bundle used from elsewhere, or kept because others use it: nothing to do either way. */
    static final class Unchanged extends BundleStep {
        Unchanged(Plan.Step step) {
            super(step);
        }

        @Override
        List<Long> apply(ModuleFramework framework, String module) {
            return List.of();
        }

        @Override
        List<Long> undo(ModuleFramework framework, String module) {
            return List.of();
        }
    }
}
