package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Copies modules published to a Maven repository over HTTP into a local folder repository under the
 * data folder: for a module's feature coordinates {@code groupId:artifactId}, its versions come from
 * {@code maven-metadata.xml}, each version's descriptor is the artifact with classifier
 * {@code feature} and type {@code json} (what {@code mvn deploy} of a feature project publishes), and
 * its bundles are fetched from that repository or, failing that, from the other repositories listed. A file is kept only when it matches the
 * repository's {@code .sha1}, when one is published. What was fetched stays usable when the
 * repository is unreachable.
 */
final class MavenRepositoryMirror {

    private static final Logger LOG = Logger.getLogger(MavenRepositoryMirror.class.getName());
    private static final Pattern VERSION = Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");

    /** Made at the first fetch: an HTTP client sets up TLS (certificates, providers), 0.3 s a platform start need not pay. */
    private HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** What one repository gave for one module: the versions now offered from it, and what went wrong. */
    record Fetch(int versions, List<String> problems) {
    }

    /**
     * Brings the module {@code coordinates} from each repository into {@code cache} (Maven layout,
     * descriptors named {@code *.feature.json}). A bundle is looked up in the repository of the
     * module's descriptor first, then in the other repositories, as Maven would: a module's
     * third-party bundles need not be published beside it.
     *
     * @return by repository, what it gave
     */
    java.util.Map<String, Fetch> mirror(List<String> repositories, String coordinates, Path cache) {
        java.util.Map<String, Fetch> fetches = new java.util.LinkedHashMap<>();
        String[] parts = coordinates.split(":");
        for (String repository : repositories) {
            List<String> problems = new ArrayList<>();
            int offered = 0;
            String base = repository.endsWith("/") ? repository : repository + "/";
            if (parts.length != 2) {
                problems.add("module coordinates '" + coordinates + "' are not groupId:artifactId");
            } else if (!trusted(base)) {
                problems.add("refused: use https (plain http only on this machine's loopback)");
            } else {
                offered = mirrorFrom(base, repositories, parts[0], parts[1], cache, problems);
            }
            problems.forEach(problem -> LOG.warning(() -> "Module repository " + base + ", " + coordinates + ": " + problem));
            fetches.put(repository, new Fetch(offered, List.copyOf(problems)));
        }
        return fetches;
    }

    private int mirrorFrom(String base, List<String> repositories, String group, String artifact, Path cache, List<String> problems) {
        String groupPath = group.replace('.', '/');
        List<String> versions;
        try {
            versions = versions(fetchText(base + groupPath + "/" + artifact + "/maven-metadata.xml"));
        } catch (NotFound e) {
            problems.add("has no module " + group + ":" + artifact + " (its maven-metadata.xml answered 404)");
            return 0;
        } catch (IOException e) {
            problems.add("not reachable: " + e.getMessage());
            return 0;
        }
        int offered = 0;
        for (String version : versions) {
            try {
                Path descriptor = ModuleFeature.artifactPath(cache, group, artifact, version, ".feature.json");
                if (Files.exists(descriptor)) {
                    offered++;
                    continue;
                }
                // The descriptor is written last: a version is offered only once all its jars are in.
                byte[] content = fetchChecked(base + groupPath + "/" + artifact + "/" + version + "/" + artifact + "-" + version + "-feature.json");
                for (JsonNode bundle : json.readTree(content).path("bundles")) {
                    String[] id = bundle.path("id").asText().split(":");
                    if (id.length < 3) {
                        continue;
                    }
                    Path jar = ModuleFeature.artifactPath(cache, id[0], id[1], id[id.length - 1], ".jar");
                    if (!Files.exists(jar)) {
                        write(jar, fetchFromAny(base, repositories, cache.relativize(jar).toString().replace(java.io.File.separatorChar, '/')));
                    }
                }
                write(descriptor, content);
                offered++;
            } catch (IOException e) {
                problems.add(group + ":" + artifact + " " + version + " not fetched: " + e.getMessage());
            }
        }
        return offered;
    }

    /** A jar from the descriptor's repository, else from the first other repository that has it. */
    private byte[] fetchFromAny(String first, List<String> repositories, String path) throws IOException {
        List<String> order = new ArrayList<>();
        order.add(first);
        for (String repository : repositories) {
            String base = repository.endsWith("/") ? repository : repository + "/";
            if (!order.contains(base) && trusted(base)) {
                order.add(base);
            }
        }
        for (String base : order) {
            try {
                return fetchChecked(base + path);
            } catch (NotFound tryTheNext) {
                // next repository
            }
        }
        throw new IOException(path + " is in none of the repositories " + order);
    }

    /** A 404: the file is not in that repository. */
    static final class NotFound extends IOException {
        private static final long serialVersionUID = 1L;

        NotFound(String url) {
            super(url + " answered 404");
        }
    }

    /** https, or http to this machine only (a repository served locally, or a test). */
    static boolean trusted(String url) {
        URI uri = URI.create(url);
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return true;
        }
        return "http".equalsIgnoreCase(uri.getScheme())
                && ("127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost()) || "[::1]".equals(uri.getHost()));
    }

    static List<String> versions(String metadata) {
        List<String> versions = new ArrayList<>();
        Matcher matcher = VERSION.matcher(metadata);
        while (matcher.find()) {
            if (!versions.contains(matcher.group(1))) {
                versions.add(matcher.group(1));
            }
        }
        return versions;
    }

    private String fetchText(String url) throws IOException {
        return new String(fetch(url), StandardCharsets.UTF_8);
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    private byte[] fetch(String url) throws IOException {
        try {
            HttpResponse<byte[]> response = client().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                throw new NotFound(url);
            }
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Downloads and checks the published SHA-1, if any. */
    private byte[] fetchChecked(String url) throws IOException {
        byte[] content = fetch(url);
        String expected = null;
        try {
            expected = fetchText(url + ".sha1").trim().split("\\s+")[0];
        } catch (IOException noChecksum) {
            // Not every repository publishes checksums.
        }
        if (expected != null && !expected.equalsIgnoreCase(sha1(content))) {
            throw new IOException(url + " does not match its .sha1: corrupt or tampered, not kept");
        }
        return content;
    }

    /** Writes through a temporary file, so a half-written file is never taken for a whole one. */
    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".download", ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
