package org.secretariat.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;
import org.secretariat.launcher.FeatureDescriptor;
import org.secretariat.launcher.Main;

/**
 * Pax Exam options for a framework like the distribution's: the bundles of the platform feature
 * descriptor (the same file and jars the distribution ships) and the launcher's framework properties.
 */
final class PlatformOptions {

    /** The first administrator's password in the Pax Exam frameworks. */
    static final String ADMIN_PASSWORD = "integration-admin-1";

    private PlatformOptions() {
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
        }
        return Path.of(value);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform in a fresh data folder under {@code target/it-data/<name>}, plus {@code extra} bundles. */
    static Option[] platform(String name, int port, Option... extra) {
        return platform(name, port, Map.of(), extra);
    }

    /**
     * The platform with extra configuration files (name to content) beside the shipped ones, e.g.
     * {@code org.secretariat.modules.config}.
     */
    static Option[] platform(String name, int port, Map<String, String> configurations, Option... extra) {
        List<Option> options = new ArrayList<>();
        Path data = path("it.data").resolve(name + "-" + System.nanoTime());
        // The shipped configuration, copied: a test never writes into the distribution.
        Path etc = copyOfShippedConfiguration(data);
        Map<String, String> properties = Main.platformProperties(path("secretariat.distribution"), etc, data, "127.0.0.1", port);
        configurations.forEach((file, content) -> {
            try {
                java.nio.file.Files.writeString(etc.resolve(file), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        PostgresServer.environmentFor(data).forEach((variable, value) -> properties.put(
                variable.equals("SECRETARIAT_JDBC_URL") ? "secretariat.jdbc.url" : "secretariat.jdbc.user", value));
        properties.remove("org.osgi.framework.storage");
        properties.remove("org.osgi.framework.storage.clean");
        properties.forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(frameworkProperty("secretariat.admin.password").value(ADMIN_PASSWORD));
        options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")));
        options.add(cleanCaches(true));
        options.add(junitBundles());
        try {
            Path repository = path("secretariat.repository");
            for (FeatureDescriptor.BundleId id : FeatureDescriptor.read(path("secretariat.feature")).bundles()) {
                options.add(bundle(id.pathIn(repository).toUri().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addAll(List.of(extra));
        return options.toArray(new Option[0]);
    }

    private static Path copyOfShippedConfiguration(Path data) {
        Path etc = data.resolve("etc");
        try {
            java.nio.file.Files.createDirectories(etc);
            try (var files = java.nio.file.Files.list(path("secretariat.distribution").resolve("etc"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    java.nio.file.Files.copy(file, etc.resolve(file.getFileName()));
                }
            }
            useProfile(etc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return etc;
    }

    /**
     * The JUnit tag of the tests that run under every shipped convention profile: the build runs them
     * again with {@code -Dit.profile=att} (the failsafe execution {@code att-profile}).
     */
    static final String EVERY_PROFILE = "every-profile";

    /** The system property naming another shipped convention profile to run under, e.g. {@code -Dit.profile=att}. */
    static final String PROFILE = "it.profile";

    /**
     * Copies the profile named by {@value #PROFILE} ({@code profiles/<name>/} of the distribution) over
     * {@code etc}'s, as an administrator switches convention; without the property the shipped default
     * (the CCM's) stays.
     */
    static void useProfile(Path etc) throws IOException {
        String name = System.getProperty(PROFILE, "").trim();
        if (name.isEmpty()) {
            return;
        }
        Path profile = path("secretariat.distribution").resolve("profiles").resolve(name).resolve("org.secretariat.profile.config");
        if (!java.nio.file.Files.isRegularFile(profile)) {
            throw new IllegalStateException(PROFILE + "=" + name + ": the distribution ships no " + profile);
        }
        java.nio.file.Files.createDirectories(etc);
        java.nio.file.Files.copy(profile, etc.resolve("org.secretariat.profile.config"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The configuration that lists the fixture modules' repositories. */
    static Map<String, String> fixtureRepositories() {
        StringBuilder list = new StringBuilder();
        for (String folder : System.getProperty("fixture.repositories").split(",")) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(folder.trim()).append('"');
        }
        return Map.of("org.secretariat.modules.config", "repositories=[" + list + "]\n");
    }

    /** The fixture module bundle. */
    static Option notesModule() {
        return bundle(path("fixture.notes").toUri().toString());
    }
}
