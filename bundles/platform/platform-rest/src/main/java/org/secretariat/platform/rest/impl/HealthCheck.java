package org.secretariat.platform.rest.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.secretariat.platform.api.health.HealthContributor;
import org.secretariat.platform.api.rest.ApiReadiness;

/**
 * Looks at the running framework and says what is not as it should be: a bundle not active, a
 * component unsatisfied or failed, the database unreachable. Problems are grouped by module (the
 * bundle's {@value #MODULE_HEADER} header; bundles without one belong to the platform).
 */
final class HealthCheck {

    static final String MODULE_HEADER = "Secretariat-Module";
    static final String MODULE_VERSION_HEADER = "Secretariat-Module-Version";
    static final String PLATFORM = "platform";

    /** The health of one module. */
    static final class ModuleHealth {
        final String id;
        String version;
        boolean versionFromApi;
        final List<String> problems = new ArrayList<>();

        ModuleHealth(String id) {
            this.id = id;
        }
    }

    /** The whole answer. */
    static final class Report {
        final List<ModuleHealth> modules;
        final String databaseProblem;

        Report(List<ModuleHealth> modules, String databaseProblem) {
            this.modules = modules;
            this.databaseProblem = databaseProblem;
        }

        boolean up() {
            return databaseProblem == null && modules.stream().allMatch(m -> m.problems.isEmpty());
        }
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final DataSource dataSource;
    private final org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime jaxrs;
    private final ApiReadiness readiness;
    private final List<HealthContributor> contributors;

    HealthCheck(BundleContext context, ServiceComponentRuntime scr, DataSource dataSource,
            org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime jaxrs, ApiReadiness readiness, List<HealthContributor> contributors) {
        this.context = context;
        this.scr = scr;
        this.dataSource = dataSource;
        this.jaxrs = jaxrs;
        this.readiness = readiness;
        this.contributors = contributors;
    }

    Report check() {
        Map<String, ModuleHealth> modules = new TreeMap<>();
        modules.put(PLATFORM, new ModuleHealth(PLATFORM));
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == 0) {
                continue;
            }
            ModuleHealth module = modules.computeIfAbsent(moduleOf(bundle), ModuleHealth::new);
            String version = bundle.getHeaders("").get(MODULE_VERSION_HEADER);
            if (version != null && bundle.getHeaders("").get(MODULE_HEADER) != null) {
                // An API bundle's header is the API's version (meetings-api 1.2.0 in meetings 1.1.2): the module's
                // own release is what its other bundles say, the API's only when it has no other.
                boolean api = bundle.getSymbolicName() != null && bundle.getSymbolicName().endsWith(".api");
                if (!api || module.version == null || module.versionFromApi) {
                    module.version = version;
                    module.versionFromApi = api;
                }
            }
            if (!isFragment(bundle) && bundle.getState() != Bundle.ACTIVE) {
                module.problems.add("bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " is "
                        + stateName(bundle.getState()) + ", not ACTIVE");
            }
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            Bundle bundle = context.getBundle(description.bundle.id);
            if (bundle == null) {
                continue;
            }
            ModuleHealth module = modules.computeIfAbsent(moduleOf(bundle), ModuleHealth::new);
            String problem = componentProblem(description, bundle);
            if (problem != null) {
                module.problems.add(problem);
            }
        }
        failedResources(modules);
        for (HealthContributor contributor : contributors) {
            Map<String, List<String>> found;
            try {
                found = contributor.problems();
            } catch (RuntimeException e) {
                found = Map.of(PLATFORM, List.of("a health contributor failed: " + e));
            }
            found.forEach((module, problems) -> modules.computeIfAbsent(module, ModuleHealth::new).problems.addAll(problems));
        }
        String rest = restProblem();
        if (rest != null) {
            modules.get(PLATFORM).problems.add(rest);
        }
        return new Report(new ArrayList<>(modules.values()), databaseProblem());
    }

    /** Whether the API serves every registered resource now, from the one readiness service health, the gate and the module manager share. */
    private String restProblem() {
        if (readiness == null) {
            return "the REST readiness service is not running";
        }
        try {
            return readiness.problem().orElse(null);
        } catch (RuntimeException e) {
            return "the REST application's state cannot be read now: " + e;
        }
    }

    /** A resource the whiteboard refused (a duplicate name, a missing extension or application) does not answer: its module is not healthy. */
    private void failedResources(Map<String, ModuleHealth> modules) {
        if (jaxrs == null) {
            return;
        }
        org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO[] failed;
        try {
            failed = jaxrs.getRuntimeDTO().failedResourceDTOs;
        } catch (RuntimeException | LinkageError changing) {
            // The whiteboard is changing its collections this very moment; readiness reports the rebuild.
            return;
        }
        for (org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO resource : failed == null ? new org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO[0] : failed) {
            if (resource.failureReason == org.osgi.service.jaxrs.runtime.dto.DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE) {
                continue;
            }
            org.osgi.framework.ServiceReference<?>[] references;
            try {
                references = context.getAllServiceReferences(null, "(" + Constants.SERVICE_ID + "=" + resource.serviceId + ")");
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (references == null || references[0].getBundle() == null) {
                continue;
            }
            Bundle bundle = references[0].getBundle();
            modules.computeIfAbsent(moduleOf(bundle), ModuleHealth::new).problems.add("REST resource " + (resource.name == null ? "" : resource.name + " ")
                    + "of " + bundle.getSymbolicName() + " is not served: " + failureReason(resource.failureReason));
        }
    }

    private static String failureReason(int reason) {
        switch (reason) {
            case org.osgi.service.jaxrs.runtime.dto.DTOConstants.FAILURE_REASON_REQUIRED_APPLICATION_UNAVAILABLE:
                return "the application it selects is not there";
            case org.osgi.service.jaxrs.runtime.dto.DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE:
                return "an extension it requires is not there";
            case org.osgi.service.jaxrs.runtime.dto.DTOConstants.FAILURE_REASON_DUPLICATE_NAME:
                return "another service has the same osgi.jaxrs.name";
            case org.osgi.service.jaxrs.runtime.dto.DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE:
                return "its service could not be obtained";
            case org.osgi.service.jaxrs.runtime.dto.DTOConstants.FAILURE_REASON_VALIDATION_FAILED:
                return "its service properties are not valid";
            default:
                return "refused by the JAX-RS whiteboard (reason " + reason + ")";
        }
    }

    private String componentProblem(ComponentDescriptionDTO description, Bundle bundle) {
        String name = "component " + description.name;
        java.util.Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
        if (configurations.isEmpty()) {
            // Waiting for a configuration is normal for a third-party factory; for our own components it means missing configuration.
            boolean own = bundle.getHeaders("").get(MODULE_HEADER) != null;
            if (own && "require".equals(description.configurationPolicy)) {
                return name + " is waiting for its configuration " + Arrays.toString(description.configurationPid);
            }
            return null;
        }
        for (ComponentConfigurationDTO configuration : configurations) {
            switch (configuration.state) {
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                    return name + " is unsatisfied: missing " + Arrays.stream(configuration.unsatisfiedReferences)
                            .map(HealthCheck::describe).collect(Collectors.joining(", "));
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                    return name + " is waiting for its configuration " + Arrays.toString(description.configurationPid);
                case ComponentConfigurationDTO.FAILED_ACTIVATION:
                    return name + " failed to activate: " + firstLine(configuration.failure);
                default:
                    break;
            }
        }
        return null;
    }

    private static String describe(UnsatisfiedReferenceDTO reference) {
        return reference.name + (reference.target == null ? "" : " " + reference.target);
    }

    /** The root cause's message from SCR's failure text (a stack trace): what a reader needs. */
    static String firstLine(String text) {
        if (text == null) {
            return "unknown reason";
        }
        String line = text.lines().findFirst().orElse(text);
        for (String candidate : (Iterable<String>) text.lines()::iterator) {
            if (candidate.startsWith("Caused by: ")) {
                line = candidate.substring("Caused by: ".length());
            }
        }
        // SCR puts the exception class first; the message after the colon is what a reader needs.
        int colon = line.indexOf(": ");
        return colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
    }

    private String databaseProblem() {
        if (dataSource == null) {
            return "no database: the platform DataSource is not available";
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "database connection is not valid";
        } catch (SQLException e) {
            return "database unreachable: " + e.getMessage();
        }
    }

    /** The module a bundle says it belongs to, else the one that installed it, else the platform. */
    static String moduleOf(Bundle bundle) {
        String module = bundle.getHeaders("").get(MODULE_HEADER);
        if (module != null && !module.isBlank()) {
            return module.trim();
        }
        String location = bundle.getLocation();
        if (location != null && location.startsWith(HealthContributor.MODULE_LOCATION_PREFIX)) {
            String rest = location.substring(HealthContributor.MODULE_LOCATION_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon > 0) {
                return rest.substring(0, colon);
            }
        }
        return PLATFORM;
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "UNINSTALLED";
        }
    }
}
