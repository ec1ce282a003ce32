package org.secretariat.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.sun.net.httpserver.HttpServer;

/**
 * Modules published by another secretariat: a Maven repository served over real HTTP (versions from
 * maven-metadata.xml, a version whose jar does not match its .sha1 is not offered), and a folder
 * repository holding a corrupt jar (refused, nothing changed).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteRepositoryIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    /** Kept while the tests run: the driver and the framework share this JVM. */
    private static HttpServer server;

    @Inject
    private BundleContext context;

    private Http admin;

    @Configuration
    public Option[] configuration() throws Exception {
        Path root = PlatformOptions.path("it.data").resolve("remote-repositories-" + System.nanoTime());
        Path maven = root.resolve("maven");
        Path v1 = fixtureRepository("notes").resolve("org/secretariat/fixture-notes/1.0.0");
        Path v2 = fixtureRepository("notes-v2").resolve("org/secretariat/fixture-notes-v2/2.0.0");
        publish(maven, "fixture-notes", "1.0.0", v1.resolve("fixture-notes-1.0.0.jar"), v1.resolve("fixture-notes-1.0.0.feature.json"), false);
        publish(maven, "fixture-notes-v2", "2.0.0", v2.resolve("fixture-notes-v2-2.0.0.jar"), v2.resolve("fixture-notes-v2-2.0.0.feature.json"), true);
        Files.writeString(maven.resolve("org/secretariat/notes-module/maven-metadata.xml"),
                "<metadata><groupId>org.secretariat</groupId><artifactId>notes-module</artifactId><versioning><versions>"
                        + "<version>1.0.0</version><version>2.0.0</version></versions></versioning></metadata>");

        Path folder = root.resolve("folder");
        Path corrupt = folder.resolve("org/secretariat/scratch/1.0.0");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("scratch-1.0.0.jar"), "this is not a jar");
        Files.writeString(corrupt.resolve("scratch-1.0.0.feature.json"), "{\"feature-resource-version\":\"1.0\","
                + "\"id\":\"org.secretariat:scratch:osgifeature:1.0.0\",\"bundles\":[{\"id\":\"org.secretariat:scratch:1.0.0\"}],"
                + "\"extensions\":{\"secretariat.module\":{\"type\":\"JSON\",\"kind\":\"MANDATORY\",\"json\":{\"id\":\"scratch\",\"version\":\"1.0.0\"}}}}");

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = maven.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = file.startsWith(maven) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        String configuration = "repositories=[\"" + folder + "\"]\n"
                + "mavenRepositories=[\"http://127.0.0.1:" + server.getAddress().getPort() + "/\"]\n"
                + "mavenModules=[\"org.secretariat:notes-module\"]\n";
        return PlatformOptions.platform("remote-repositories", PlatformOptions.freePort(), Map.of("org.secretariat.modules.config", configuration));
    }

    private static Path fixtureRepository(String fixture) {
        for (String folder : System.getProperty("fixture.repositories").split(",")) {
            if (folder.trim().endsWith("/fixtures/" + fixture + "/target/repository")) {
                return Path.of(folder.trim());
            }
        }
        throw new IllegalStateException("no fixture repository " + fixture);
    }

    /** Lays out a module as `mvn deploy` of its feature project would: the descriptor as classifier "feature", checksums beside. */
    private static void publish(Path maven, String bundleArtifact, String version, Path jar, Path descriptor, boolean tamper) throws IOException {
        Path featureFolder = maven.resolve("org/secretariat/notes-module/" + version);
        Files.createDirectories(featureFolder);
        byte[] feature = Files.readAllBytes(descriptor);
        Files.write(featureFolder.resolve("notes-module-" + version + "-feature.json"), feature);
        Files.writeString(featureFolder.resolve("notes-module-" + version + "-feature.json.sha1"), sha1(feature));
        Path bundleFolder = maven.resolve("org/secretariat/" + bundleArtifact + "/" + version);
        Files.createDirectories(bundleFolder);
        byte[] bundle = Files.readAllBytes(jar);
        Files.write(bundleFolder.resolve(bundleArtifact + "-" + version + ".jar"), bundle);
        Files.writeString(bundleFolder.resolve(bundleArtifact + "-" + version + ".jar.sha1"), tamper ? sha1(new byte[] {1}) : sha1(bundle));
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Before
    public void loginAsAdministrator() throws Exception {
        admin = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
        assertEquals(200, admin.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
        assertEquals(200, admin.await("/api/platform/modules", 200, STARTUP).status);
    }

    @Test
    public void aModuleIsInstalledFromAMavenRepositoryOverHttpAndATamperedVersionIsNotOffered() throws Exception {
        Http.Answer modules = admin.get("/api/platform/modules");
        String available = modules.json.get("available").toString();
        assertTrue(available, available.contains("\"notes\"") && available.contains("1.0.0"));
        assertTrue("2.0.0's jar does not match its checksum: " + available, !available.contains("2.0.0"));
        Http.Answer installed = admin.post("/api/platform/modules/notes/install", "");
        assertEquals(installed.toString(), 200, installed.status);
        assertEquals("1.0.0", installed.json.get("to").asText());
        assertEquals(201, admin.post("/api/notes", "{\"text\":\"from another secretariat's repository\"}").status);
    }

    @Test
    public void aCorruptJarIsRefusedWithNothingChanged() throws Exception {
        int bundles = context.getBundles().length;
        Http.Answer refused = admin.post("/api/platform/modules/scratch/install", "");
        assertEquals(refused.toString(), 422, refused.status);
        assertTrue(refused.body, refused.body.contains("not a valid bundle"));
        assertEquals(bundles, context.getBundles().length);
        assertEquals(0, admin.get("/api/platform/modules").json.get("installed").toString().contains("scratch") ? 1 : 0);
    }

    static {
        // Fail early and clearly if the JDK's HTTP server is missing (it is part of every JDK 17).
        try {
            Class.forName("com.sun.net.httpserver.HttpServer");
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("jdk.httpserver module missing", e));
        }
        StandardCharsets.UTF_8.name();
    }
}
