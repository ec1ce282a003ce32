package org.secretariat.platform.modules.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo console's {@code module:} commands. They call the same service as the REST API; the
 * audit log records them as done by "console" (whoever holds the local console holds the machine).
 */
@Component(service = ModuleCommands.class, property = {
        "osgi.command.scope=module",
        "osgi.command.function=list",
        "osgi.command.function=install",
        "osgi.command.function=upgrade",
        "osgi.command.function=rollback",
        "osgi.command.function=uninstall",
        "osgi.command.function=repos"})
public class ModuleCommands {

    static final String DRY_RUN = "--dry-run";
    private static final String ACTOR = "console";

    private final ModuleManager manager;

    @Activate
    public ModuleCommands(@Reference ModuleManager manager) {
        this.manager = manager;
    }

    /** module:list – installed modules with their state, and the versions the repositories offer. */
    public String list() {
        List<String> lines = new ArrayList<>();
        lines.add("Installed:");
        for (InstalledModule module : manager.installed()) {
            Map<String, Bundle> bundles = manager.bundlesOf(module.moduleId);
            boolean active = !bundles.isEmpty() && bundles.values().stream().allMatch(b -> b.getState() == Bundle.ACTIVE)
                    && manager.missingBundles(module).isEmpty();
            lines.add(String.format("  %-20s %-16s %-8s%s", module.moduleId, module.version, active ? "ACTIVE" : "FAILING",
                    module.previousVersion == null ? "" : "  (previous " + module.previousVersion + ")"));
        }
        lines.add("Available:");
        for (Map.Entry<String, NavigableMap<Version, ModuleFeature>> entry : manager.available().entrySet()) {
            lines.add(String.format("  %-20s %s", entry.getKey(),
                    entry.getValue().values().stream().map(f -> f.versionText).collect(Collectors.joining(", "))));
        }
        return String.join("\n", lines);
    }

    public String install(String module) {
        return run(Plan.Operation.INSTALL, module);
    }

    public String install(String module, String versionOrFlag) {
        return run(Plan.Operation.INSTALL, module, versionOrFlag);
    }

    public String install(String module, String version, String flag) {
        return run(Plan.Operation.INSTALL, module, version, flag);
    }

    public String upgrade(String module) {
        return run(Plan.Operation.UPGRADE, module);
    }

    public String upgrade(String module, String versionOrFlag) {
        return run(Plan.Operation.UPGRADE, module, versionOrFlag);
    }

    public String upgrade(String module, String version, String flag) {
        return run(Plan.Operation.UPGRADE, module, version, flag);
    }

    public String rollback(String module) {
        return run(Plan.Operation.ROLLBACK, module);
    }

    public String rollback(String module, String flag) {
        return run(Plan.Operation.ROLLBACK, module, flag);
    }

    public String uninstall(String module) {
        return run(Plan.Operation.UNINSTALL, module);
    }

    public String uninstall(String module, String flag) {
        return run(Plan.Operation.UNINSTALL, module, flag);
    }

    /** module:repos – the repository folders searched, in order. */
    public String repos() {
        List<String> lines = manager.repositoryFolders().stream().map(Path::toString).collect(Collectors.toList());
        manager.remoteRepositories().forEach(remote -> lines.add(remote + " (over HTTP, copied into the folder above)"));
        return String.join("\n", lines);
    }

    private String run(Plan.Operation operation, String module, String... rest) {
        List<String> arguments = new ArrayList<>(Arrays.asList(rest));
        boolean dryRun = arguments.remove(DRY_RUN);
        if (arguments.size() > 1 || (!arguments.isEmpty() && arguments.get(0).startsWith("--"))) {
            return "error: unexpected arguments " + arguments + "; usage: module:" + operation.name().toLowerCase() + " <id> [version] [--dry-run]";
        }
        String version = arguments.isEmpty() ? null : arguments.get(0);
        if (version != null && (operation == Plan.Operation.ROLLBACK || operation == Plan.Operation.UNINSTALL)) {
            return "error: module:" + operation.name().toLowerCase() + " takes no version";
        }
        try {
            ModuleManager.Result result = manager.execute(operation, module, version, dryRun, ACTOR);
            List<String> lines = new ArrayList<>(result.plan.describe());
            lines.add(result.message);
            return String.join("\n", lines);
        } catch (ModuleOperationException e) {
            return "error: " + e.getMessage();
        }
    }
}
