package org.secretariat.platform.modules.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Modules from Maven repositories over HTTP (on loopback): a bundle may live in another repository than its module. */
class MavenRepositoryMirrorTest {

    @TempDir
    Path cache;

    private final List<HttpServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    /** A repository serving these paths (others answer 404); answers its base URL. */
    private String repository(Map<String, byte[]> files) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath().substring(1));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBundleIsFetchedFromTheRepositoryThatHasItAndEachRepositorySaysWhatItGave() throws IOException {
        String modules = repository(Map.of(
                "org/example/reports/maven-metadata.xml", text("<metadata><versioning><versions><version>1.0.0</version></versions></versioning></metadata>"),
                "org/example/reports/1.0.0/reports-1.0.0-feature.json", text("{\"bundles\":[{\"id\":\"org.thirdparty:library:2.1\"}]}")));
        String libraries = repository(Map.of("org/thirdparty/library/2.1/library-2.1.jar", text("a jar")));

        Map<String, MavenRepositoryMirror.Fetch> fetched = new MavenRepositoryMirror().mirror(List.of(modules, libraries), "org.example:reports", cache);

        assertEquals(1, fetched.get(modules).versions());
        assertEquals(List.of(), fetched.get(modules).problems());
        assertEquals(0, fetched.get(libraries).versions());
        assertTrue(fetched.get(libraries).problems().get(0).contains("has no module org.example:reports (its maven-metadata.xml answered 404)"));
        assertEquals("a jar", Files.readString(cache.resolve("org/thirdparty/library/2.1/library-2.1.jar")));
        assertTrue(Files.exists(cache.resolve("org/example/reports/1.0.0/reports-1.0.0.feature.json")));
    }

    @Test
    void aBundleNoRepositoryHasKeepsItsModuleVersionOutAndSaysSo() throws IOException {
        String modules = repository(Map.of(
                "org/example/reports/maven-metadata.xml", text("<metadata><versions><version>1.0.0</version></versions></metadata>"),
                "org/example/reports/1.0.0/reports-1.0.0-feature.json", text("{\"bundles\":[{\"id\":\"org.thirdparty:missing:1.0\"}]}")));

        MavenRepositoryMirror.Fetch fetch = new MavenRepositoryMirror().mirror(List.of(modules), "org.example:reports", cache).get(modules);

        assertEquals(0, fetch.versions());
        assertTrue(fetch.problems().get(0).contains("org/thirdparty/missing/1.0/missing-1.0.jar is in none of the repositories"), fetch.problems().toString());
        assertTrue(Files.notExists(cache.resolve("org/example/reports/1.0.0/reports-1.0.0.feature.json")));
    }

    @Test
    void settingsAreCheckedEntryByEntryAndWrittenAsAConfigurationFile(@TempDir Path folder) {
        RepositorySettings settings = new RepositorySettings(List.of(" " + folder + " ", ""), List.of("https://repo.example.org/maven2"),
                List.of("org.example:reports"));
        RepositorySettings checked = settings.checked();
        assertEquals(List.of(folder.toString()), checked.repositories());
        assertTrue(checked.configFile("test").contains("repositories=[\"" + folder + "\"]"), checked.configFile("test"));
        assertEquals("mavenModules[0]", assertField(new RepositorySettings(List.of(), List.of("https://r.example"), List.of("reports"))));
        assertEquals("repositories[0]", assertField(new RepositorySettings(List.of(folder.resolve("gone").toString()), List.of(), List.of())));
        assertEquals("mavenRepositories[0]", assertField(new RepositorySettings(List.of(), List.of("ftp://r.example"), List.of("a:b"))));
        assertEquals("quote\\\"d", new RepositorySettings(List.of("quote\"d"), List.of(), List.of()).configFile("x").split("\\[\"")[1].split("\"]")[0]);
    }

    private static String assertField(RepositorySettings settings) {
        return org.junit.jupiter.api.Assertions.assertThrows(org.secretariat.platform.api.domain.DomainException.class, settings::checked).field();
    }
}
