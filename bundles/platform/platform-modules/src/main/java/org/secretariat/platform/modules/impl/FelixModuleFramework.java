package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.secretariat.platform.api.rest.ApiReadiness;

/** {@link ModuleFramework} over the running Felix framework, its Service Component Runtime and the API's readiness. */
final class FelixModuleFramework implements ModuleFramework {

    private static final Logger LOG = Logger.getLogger(FelixModuleFramework.class.getName());
    /** Where the resolution check installs a module's jars for a moment. */
    static final String PROBE_PREFIX = "secretariat:probe:";
    private static final Duration COMPONENT_WAIT = Duration.ofSeconds(30);
    private static final Duration REST_WAIT = Duration.ofSeconds(10);
    private static final Duration REFRESH_WAIT = Duration.ofSeconds(30);

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Supplier<ApiReadiness> readiness;

    FelixModuleFramework(BundleContext context, ServiceComponentRuntime scr, Supplier<ApiReadiness> readiness) {
        this.context = context;
        this.scr = scr;
        this.readiness = readiness;
    }

    @Override
    public List<InstalledBundle> bundles() {
        List<InstalledBundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0 && bundle.getState() != Bundle.UNINSTALLED) {
                bundles.add(new InstalledBundle(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion(), bundle.getLocation()));
            }
        }
        return bundles;
    }

    private Bundle bundle(long id) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new ModuleOperationException(500, "Bundle " + id + " is not installed any more");
        }
        return bundle;
    }

    @Override
    public List<String> usersOutside(long id, Set<Long> module) {
        BundleWiring wiring = bundle(id).adapt(BundleWiring.class);
        if (wiring == null) {
            return List.of();
        }
        return wiring.getProvidedWires(null).stream().map(wire -> wire.getRequirerWiring().getBundle())
                .filter(user -> !module.contains(user.getBundleId()) && user.getBundleId() != id)
                .map(Bundle::getSymbolicName).distinct().sorted().collect(Collectors.toList());
    }

    @Override
    public List<String> dependents(Collection<Long> changed) {
        List<Bundle> bundles = changed.stream().map(this::bundle).collect(Collectors.toList());
        return wiring().getDependencyClosure(bundles).stream().filter(b -> !changed.contains(b.getBundleId()))
                .map(Bundle::getSymbolicName).collect(Collectors.toList());
    }

    @Override
    public long install(String location, Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(location, in).getBundleId();
        } catch (IOException | BundleException e) {
            throw failure("install " + jar.getFileName(), e);
        }
    }

    @Override
    public void update(long id, Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle(id).update(in);
        } catch (IOException | BundleException e) {
            throw failure("update " + bundle(id).getSymbolicName() + " from " + jar.getFileName(), e);
        }
    }

    @Override
    public void uninstall(long id) {
        try {
            bundle(id).uninstall();
        } catch (BundleException e) {
            throw failure("uninstall bundle " + id, e);
        }
    }

    @Override
    public void refresh(Collection<Long> ids) {
        List<Bundle> bundles = ids.stream().map(context::getBundle).filter(b -> b != null).collect(Collectors.toList());
        if (ids.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        // Uninstalled bundles are no longer known by id; refreshing with none lets the framework take all removal-pending ones.
        wiring().refreshBundles(bundles.size() == ids.size() ? bundles : null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new ModuleOperationException(500, "Refreshing bundles took longer than " + REFRESH_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleOperationException(500, "Interrupted while refreshing bundles");
        }
    }

    @Override
    public void start(Collection<Long> ids) {
        for (long id : ids) {
            Bundle bundle = bundle(id);
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null && bundle.getState() != Bundle.ACTIVE) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    throw new ModuleOperationException(422, resolutionMessage(e));
                }
            }
        }
    }

    @Override
    public void checkResolvable(String module, List<Path> jars) {
        List<Bundle> probes = new ArrayList<>();
        try {
            for (Path jar : jars) {
                try (InputStream in = Files.newInputStream(jar)) {
                    probes.add(context.installBundle(PROBE_PREFIX + UUID.randomUUID(), in));
                } catch (BundleException e) {
                    throw new ModuleOperationException(422, "Bundle " + jar.getFileName() + " is not a valid bundle: " + e.getMessage());
                } catch (IOException e) {
                    throw new ModuleOperationException(422, "Cannot read " + jar + ": " + e.getMessage());
                }
            }
            if (!probes.isEmpty() && !wiring().resolveBundles(probes)) {
                List<String> reasons = new ArrayList<>();
                for (Bundle probe : probes) {
                    if (probe.getState() == Bundle.INSTALLED && probe.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                        try {
                            probe.start(Bundle.START_TRANSIENT);
                        } catch (BundleException e) {
                            reasons.add(resolutionMessage(e));
                        }
                    }
                }
                throw new ModuleOperationException(422, "Module " + module + " cannot be resolved against the running platform: "
                        + String.join("; ", reasons) + "; nothing was changed");
            }
        } finally {
            for (Bundle probe : probes) {
                try {
                    probe.uninstall();
                } catch (BundleException | IllegalStateException e) {
                    LOG.log(Level.WARNING, "Could not remove probe bundle " + probe.getBundleId(), e);
                }
            }
            if (!probes.isEmpty()) {
                refresh(probes.stream().map(Bundle::getBundleId).collect(Collectors.toList()));
            }
        }
    }

    @Override
    public void awaitComponents(Collection<Long> ids) {
        Bundle[] bundles = ids.stream().map(context::getBundle).filter(b -> b != null).toArray(Bundle[]::new);
        long deadline = System.nanoTime() + COMPONENT_WAIT.toNanos();
        while (true) {
            List<String> waiting = new ArrayList<>();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundles)) {
                if (!ids.contains(description.bundle.id) || !scr.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        throw new ModuleOperationException(422, "Component " + description.name + " failed to activate: " + rootCause(configuration.failure));
                    }
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        waiting.add(description.name + " (missing " + java.util.Arrays.stream(configuration.unsatisfiedReferences)
                                .map(r -> r.name + (r.target == null ? "" : " " + r.target)).collect(Collectors.joining(", ")) + ")");
                    } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                        waiting.add(description.name + " (waiting for its configuration)");
                    }
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ModuleOperationException(422, "Components not satisfied after " + COMPONENT_WAIT.toSeconds() + " s: " + waiting);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModuleOperationException(500, "Interrupted");
            }
        }
    }

    @Override
    public void awaitServing(String what) {
        ApiReadiness api = readiness.get();
        if (api == null) {
            return;
        }
        try {
            Optional<String> problem = api.awaitServing(REST_WAIT);
            if (problem.isPresent()) {
                throw new ModuleOperationException(422, "The REST paths of " + what + " did not come up within " + REST_WAIT.toSeconds() + " s: " + problem.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleOperationException(503, "Interrupted while waiting for the REST paths of " + what);
        }
    }

    private FrameworkWiring wiring() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    }

    private static ModuleOperationException failure(String what, Exception e) {
        String cause = e instanceof BundleException ? resolutionMessage((BundleException) e) : e.getMessage();
        return new ModuleOperationException(422, "Could not " + what + ": " + cause);
    }

    static String rootCause(String failure) {
        if (failure == null) {
            return "unknown reason";
        }
        String line = failure.lines().findFirst().orElse(failure);
        for (String candidate : (Iterable<String>) failure.lines()::iterator) {
            if (candidate.startsWith("Caused by: ")) {
                line = candidate.substring("Caused by: ".length());
            }
        }
        return line;
    }

    /** The useful part of Felix's resolution message: the missing requirement. */
    static String resolutionMessage(BundleException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int missing = message.indexOf("missing requirement");
        String detail = missing >= 0 ? message.substring(missing) : message;
        java.util.regex.Matcher packageName = java.util.regex.Pattern.compile("osgi\\.wiring\\.package=([\\w.]+)\\)(.*?)(?:\\)\\)|$)").matcher(detail);
        if (packageName.find()) {
            return "missing package " + packageName.group(1) + versionRange(packageName.group(2)) + " (" + firstLine(detail) + ")";
        }
        return firstLine(detail);
    }

    private static String versionRange(String filter) {
        java.util.regex.Matcher low = java.util.regex.Pattern.compile("version>=([\\d.]+)").matcher(filter);
        java.util.regex.Matcher high = java.util.regex.Pattern.compile("!\\(version>=([\\d.]+)").matcher(filter);
        if (!low.find()) {
            return "";
        }
        return " version [" + low.group(1) + "," + (high.find() ? high.group(1) + ")" : "∞)");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
