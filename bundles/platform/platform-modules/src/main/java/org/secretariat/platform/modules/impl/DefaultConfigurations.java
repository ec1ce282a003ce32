package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A module's default configurations (the feature's "configurations"): created when an administrator
 * has not set them, never overwritten, and taken away again when the operation that created them fails.
 */
class DefaultConfigurations {

    private static final Logger LOG = Logger.getLogger(DefaultConfigurations.class.getName());

    private final Supplier<ConfigurationAdmin> admin;

    DefaultConfigurations(Supplier<ConfigurationAdmin> admin) {
        this.admin = admin;
    }

    /** Whether an administrator (or an earlier install) has set this PID. */
    boolean configured(String pid) {
        ConfigurationAdmin configurations = admin.get();
        if (configurations == null) {
            return false;
        }
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + pid + ")");
            return found != null && found.length > 0;
        } catch (IOException | InvalidSyntaxException e) {
            throw new ModuleOperationException(500, "Configuration PID '" + pid + "' cannot be looked up: " + e.getMessage());
        }
    }

    /** The PIDs of {@code defaults} not set yet: those {@link #apply} would create. */
    List<String> missing(Map<String, Map<String, Object>> defaults) {
        List<String> missing = new ArrayList<>();
        if (admin.get() != null) {
            defaults.keySet().stream().filter(pid -> !configured(pid)).forEach(missing::add);
        }
        return missing;
    }

    /** Creates the defaults not set yet; answers the PIDs it created (and on a failure removes those before throwing). */
    List<String> apply(Map<String, Map<String, Object>> defaults) {
        ConfigurationAdmin configurations = admin.get();
        List<String> created = new ArrayList<>();
        if (configurations == null || defaults.isEmpty()) {
            return created;
        }
        try {
            for (Map.Entry<String, Map<String, Object>> entry : defaults.entrySet()) {
                if (configured(entry.getKey())) {
                    continue;
                }
                configurations.getConfiguration(entry.getKey(), "?").update(new Hashtable<>(entry.getValue()));
                created.add(entry.getKey());
            }
        } catch (IOException | RuntimeException e) {
            remove(created);
            throw new ModuleOperationException(500, "Cannot write the default configuration: " + e.getMessage());
        }
        return created;
    }

    /** Deletes configurations a failed operation created. */
    void remove(List<String> pids) {
        ConfigurationAdmin configurations = admin.get();
        if (configurations == null) {
            return;
        }
        for (String pid : pids) {
            try {
                configurations.getConfiguration(pid, "?").delete();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove the default configuration " + pid + " of a failed operation: " + e.getMessage());
            }
        }
    }
}
