package org.secretariat.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * {@code bin/secretariat}: runs the platform in the foreground until SIGTERM, Ctrl-C or the Gogo
 * {@code stop 0} command.
 *
 * <p>The framework's bundle cache lives in {@code <data>/cache}. The platform feature is installed
 * from {@code <home>/system} on first start only; after that the cache is the truth, so whatever an
 * administrator installed or upgraded at runtime survives a restart.
 */
public final class Main {

    static final String FEATURE_FILE = "platform.feature.json";
    static final String JAXRS_WHITEBOARD = "org.apache.aries.jax.rs.whiteboard";
    /** The whiteboard's start level; every other bundle keeps the default, 1. */
    static final int LAST_START_LEVEL = 2;
    private static final int STOPPED_BY_SIGNAL = -1;
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            restore(args);
            return;
        }
        if (args.length > 0) {
            System.err.println("secretariat: unknown command '" + args[0] + "'; usage: secretariat [restore ARCHIVE]");
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("secretariat.home", ".")).toAbsolutePath().normalize();
        LaunchSettings settings;
        try {
            settings = LaunchSettings.read(System::getenv, home);
            settings.checkPortFree();
            settings.checkDatabaseReachable();
            Logging.configure(settings.data().resolve("logs"), logLevel(System.getenv("SECRETARIAT_LOG_LEVEL")));
        } catch (LaunchSettings.ConfigurationException e) {
            System.err.println("secretariat: " + e.getMessage());
            System.exit(e.exitCode);
            return;
        } catch (IOException e) {
            System.err.println("secretariat: cannot open the log files: " + e.getMessage());
            System.exit(2);
            return;
        }
        int exitCode = run(settings);
        if (exitCode == STOPPED_BY_SIGNAL) {
            // The JVM is shutting down: the hook has stopped the framework and the JVM ends with the signal's code.
            return;
        }
        Logging.finish();
        System.exit(exitCode);
    }

    private static Level logLevel(String value) throws LaunchSettings.ConfigurationException {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LaunchSettings.ConfigurationException(2, "SECRETARIAT_LOG_LEVEL '" + value + "' is not a level: use SEVERE, WARNING, INFO, FINE or FINEST");
        }
    }

    private static int run(LaunchSettings settings) {
        long started = System.nanoTime();
        Framework framework = newFramework(frameworkProperties(settings));
        Thread stopper = new Thread(() -> stop(framework), "secretariat-shutdown");
        try {
            framework.init();
            if (framework.getBundleContext().getBundles().length == 1) {
                LOG.info("First start: installing the platform from " + settings.home().resolve("system"));
                installFeature(framework.getBundleContext(), settings.home().resolve("system"));
            }
            startWhiteboardLast(framework.getBundleContext());
            Runtime.getRuntime().addShutdownHook(stopper);
            framework.start();
            LOG.info(() -> String.format("Secretariat started in %.1f s with %d bundles: %s://%s:%d/api/platform/health",
                    (System.nanoTime() - started) / 1e9, framework.getBundleContext().getBundles().length,
                    settings.tls() == null ? "http" : "https", settings.host() == null ? "localhost" : settings.host(),
                    settings.listeningPort()));
            FrameworkEvent event = framework.waitForStop(0);
            if (stopper.isAlive()) {
                stopper.join();
                return STOPPED_BY_SIGNAL;
            }
            // Stopped from inside (Gogo "stop 0").
            LOG.info("Secretariat stopped");
            return event.getType() == FrameworkEvent.ERROR ? 1 : 0;
        } catch (BundleException | IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Secretariat could not start: " + e.getMessage(), e);
            stop(framework);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it stopped the framework.
            }
        }
    }

    /**
     * The JAX-RS whiteboard builds its application once for the resources present when it starts, and
     * rebuilds all of it for each resource that arrives later: started after every other bundle (at the
     * framework's beginning start level, one above the rest), it builds once instead of once per
     * resource. Applied at every start, so a bundle cache made by an older launcher gets it too. The
     * module manager does no module work (recovery after a crash, operations) until the framework has
     * started: a bundle refresh asked while the whiteboard was starting never completed (CrashHarnessIT).
     */
    static void startWhiteboardLast(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (JAXRS_WHITEBOARD.equals(bundle.getSymbolicName())) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(LAST_START_LEVEL);
            }
        }
    }

    /** Felix takes objects among its properties (the logger); the standard signature says strings. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Framework newFramework(Map<String, Object> properties) {
        return ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework((Map) properties);
    }

    private static void stop(Framework framework) {
        try {
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                LOG.info("Stopping Secretariat");
                framework.stop();
            }
            framework.waitForStop(60_000);
            LOG.info("Secretariat stopped");
        } catch (BundleException e) {
            LOG.log(Level.SEVERE, "Clean stop failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code secretariat restore ARCHIVE}: a backup into the (empty) data folder SECRETARIAT_DATA names. */
    private static void restore(String[] args) {
        if (args.length != 2) {
            System.err.println("secretariat: usage: secretariat restore ARCHIVE (into the empty folder SECRETARIAT_DATA, default ./data)");
            System.exit(2);
            return;
        }
        String data = System.getenv("SECRETARIAT_DATA");
        Path folder = Path.of(data == null || data.isBlank() ? "data" : data.trim()).toAbsolutePath().normalize();
        try {
            System.out.println(Restore.run(Path.of(args[1]).toAbsolutePath(), folder));
        } catch (LaunchSettings.ConfigurationException e) {
            System.err.println("secretariat: " + e.getMessage());
            System.exit(e.exitCode);
        }
    }

    static Map<String, Object> frameworkProperties(LaunchSettings settings) {
        Map<String, Object> properties = new HashMap<>(platformProperties(settings.home(), settings.etc(), settings.data(), settings.host(), settings.port()));
        properties.put("felix.log.logger", new Logging.FrameworkLogger());
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(LAST_START_LEVEL));
        // The Gogo console reads the terminal, or standard input when SECRETARIAT_CONSOLE=stdin (scripts);
        // closing it never stops the platform. Without either there is no console (a service).
        boolean console = System.console() != null || "stdin".equalsIgnoreCase(System.getenv("SECRETARIAT_CONSOLE"));
        properties.put("gosh.args", console ? "--noshutdown" : "--nointeractive");
        putIfSet(properties, "secretariat.jdbc.url", settings.jdbcUrl());
        putIfSet(properties, "secretariat.jdbc.user", settings.jdbcUser());
        putIfSet(properties, "secretariat.jdbc.password", settings.jdbcPassword());
        if (settings.jdbcPoolSize() != null) {
            properties.put("secretariat.jdbc.pool.size", settings.jdbcPoolSize().toString());
        }
        putIfSet(properties, "secretariat.node", settings.node());
        putIfSet(properties, "secretariat.admin.password", settings.adminPassword());
        LaunchSettings.Tls tls = settings.tls();
        if (tls != null) {
            // HTTPS only: no plain listener that could carry a session cookie in clear.
            properties.put("org.apache.felix.http.enable", "false");
            properties.put("org.apache.felix.https.enable", "true");
            properties.put("org.osgi.service.http.port.secure", Integer.toString(tls.port));
            properties.put("org.apache.felix.https.keystore", tls.keystore.toString());
            properties.put("org.apache.felix.https.keystore.password", tls.password);
            properties.put("org.apache.felix.https.keystore.key.password", tls.password);
            properties.put("org.apache.felix.https.keystore.type", tls.type);
            properties.put("org.apache.felix.https.jetty.protocols.included", "TLSv1.2,TLSv1.3");
            properties.put("secretariat.https", "true");
        }
        return properties;
    }

    /**
     * The framework properties of a platform in {@code home} with its data in {@code data}: the one
     * definition the launcher and the integration tests share.
     */
    public static Map<String, String> platformProperties(Path home, Path data, String host, int port) {
        return platformProperties(home, home.resolve("etc"), data, host, port);
    }

    /** The same, with the configuration read from {@code etc} (SECRETARIAT_ETC) instead of the distribution's. */
    public static Map<String, String> platformProperties(Path home, Path etc, Path data, String host, int port) {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, data.resolve("cache").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, "none");
        properties.put("felix.log.level", "2");
        properties.put("org.osgi.service.http.port", Integer.toString(port));
        if (host != null) {
            properties.put("org.apache.felix.http.host", host);
        }
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // CXF would publish its own servlet at /cxf beside the whiteboard's; the platform serves REST only under /api.
        properties.put("org.apache.cxf.osgi.http.transport.disable", "true");
        properties.put("felix.fileinstall.dir", etc.toString());
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.poll", "2000");
        properties.put("felix.fileinstall.log.level", "2");
        // The files in etc/ are the truth: a change made through Config Admin is not written back into them.
        properties.put("felix.fileinstall.enableConfigSave", "false");
        // The web console opens only through the platform's provider (administrators), never its admin/admin.
        properties.put("felix.webconsole.security.providers", "secretariat");
        properties.put("secretariat.home", home.toString());
        properties.put("secretariat.etc", etc.toString());
        properties.put("secretariat.data", data.toString());
        System.setProperty("derby.system.home", data.toString());
        System.setProperty("derby.stream.error.file", data.resolve("logs").resolve("derby.log").toString());
        return properties;
    }

    private static void putIfSet(Map<String, Object> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    /**
     * Installs every bundle of the feature, then starts them: installing all first lets the resolver
     * see the whole set, so optional imports are wired on the first resolve.
     */
    static void installFeature(BundleContext context, Path repository) throws IOException, BundleException {
        FeatureDescriptor feature = FeatureDescriptor.read(repository.resolve(FEATURE_FILE));
        List<Bundle> installed = new ArrayList<>();
        try {
            for (FeatureDescriptor.BundleId id : feature.bundles()) {
                Path jar = id.pathIn(repository);
                if (!Files.isRegularFile(jar)) {
                    throw new IOException("bundle " + id + " of " + feature.id() + " is missing: " + jar);
                }
                try (InputStream in = Files.newInputStream(jar)) {
                    installed.add(context.installBundle(id.location(), in));
                }
            }
        } catch (IOException | BundleException | RuntimeException e) {
            // Leave an empty bundle cache, so the next start is a first start again rather than a half platform.
            for (Bundle bundle : installed) {
                try {
                    bundle.uninstall();
                } catch (BundleException | IllegalStateException ignored) {
                    // Best effort: the error below is what the administrator needs.
                }
            }
            throw e;
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    // Marked for start all the same; the health check names what is missing.
                    LOG.log(Level.SEVERE, "Bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
                }
            }
        }
    }
}
