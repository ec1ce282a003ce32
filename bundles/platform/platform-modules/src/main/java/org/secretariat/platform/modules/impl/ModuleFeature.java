package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One version of a module, read from its OSGi Feature descriptor (with the {@code secretariat.module}
 * extension): which bundles, where their jars are, what it serves and its schema version.
 */
final class ModuleFeature {

    static final String EXTENSION = "secretariat.module";

    /** A bundle of the feature, with its jar. */
    static final class BundleJar {
        final String coordinates;
        final String symbolicName;
        final Version version;
        final Path jar;
        /** The symbolic name the descriptor gives, or null when it gives none (then the artifact id stands in). */
        final String declaredSymbolicName;

        BundleJar(String coordinates, String symbolicName, Version version, Path jar) {
            this(coordinates, symbolicName, version, jar, symbolicName);
        }

        BundleJar(String coordinates, String symbolicName, Version version, Path jar, String declaredSymbolicName) {
            this.coordinates = coordinates;
            this.symbolicName = symbolicName;
            this.version = version;
            this.jar = jar;
            this.declaredSymbolicName = declaredSymbolicName;
        }
    }

    final String id;
    final String versionText;
    final Version version;
    final List<String> restPaths;
    final List<String> webPaths;
    final int schemaVersion;
    final List<BundleJar> bundles;
    final Path descriptor;
    /** Default configurations by PID (the feature's "configurations"): applied when not set yet. */
    final java.util.Map<String, java.util.Map<String, Object>> configurations = new java.util.LinkedHashMap<>();

    private ModuleFeature(String id, String versionText, List<String> restPaths, List<String> webPaths, int schemaVersion,
            List<BundleJar> bundles, Path descriptor) {
        this.id = id;
        this.versionText = versionText;
        this.version = osgiVersion(versionText);
        this.restPaths = List.copyOf(restPaths);
        this.webPaths = List.copyOf(webPaths);
        this.schemaVersion = schemaVersion;
        this.bundles = List.copyOf(bundles);
        this.descriptor = descriptor;
    }

    private static final java.util.regex.Pattern SEGMENT = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    /**
     * A coordinate part (group, artifact, version, module id) that becomes a file path segment: only
     * letters, digits, '.', '_' and '-', never "..", so a descriptor or repository cannot point outside
     * the folder it is read into.
     *
     * @throws IOException naming the part
     */
    static String segment(String value, String what) throws IOException {
        if (value == null || !SEGMENT.matcher(value).matches() || value.contains("..")) {
            throw new IOException(what + " '" + value + "' is not a valid coordinate part");
        }
        return value;
    }

    /** The path of a Maven artifact under {@code repository}, refusing anything that would leave it. */
    static Path artifactPath(Path repository, String group, String artifact, String version, String suffix) throws IOException {
        Path path = repository;
        for (String part : group.split("\\.")) {
            path = path.resolve(segment(part, "groupId part"));
        }
        path = path.resolve(segment(artifact, "artifactId")).resolve(segment(version, "version"))
                .resolve(artifact + "-" + version + suffix);
        if (!path.normalize().startsWith(repository.normalize())) {
            throw new IOException(group + ":" + artifact + ":" + version + " points outside " + repository);
        }
        return path;
    }

    /**
     * The bundle's version as its manifest says (descriptors since the website module record it: a
     * library may spell it unlike Maven, e.g. FreeMarker's {@code 2.3.34.stable}), else derived from Maven's.
     */
    static Version bundleVersion(String declared, String mavenVersion) {
        if (declared != null) {
            try {
                return Version.parseVersion(declared);
            } catch (IllegalArgumentException unreadable) {
                // an older or hand-written descriptor: Maven's version stands
            }
        }
        return osgiVersion(mavenVersion);
    }

    /** Maven's {@code 1.2.0-SNAPSHOT} as OSGi's {@code 1.2.0.SNAPSHOT}. */
    static Version osgiVersion(String text) {
        String cleaned = text.trim().replace('-', '.');
        String[] parts = cleaned.split("\\.", 4);
        StringBuilder version = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String part = i < parts.length ? parts[i] : "0";
            version.append(i == 0 ? "" : ".").append(part.matches("\\d+") ? part : "0");
        }
        if (parts.length == 4) {
            version.append('.').append(parts[3].replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        return Version.parseVersion(version.toString());
    }

    /**
     * Reads a descriptor whose jars lie in {@code repository} (Maven layout); null when the file is a
     * feature but not a module (no {@value #EXTENSION} extension).
     */
    static ModuleFeature read(Path descriptor, Path repository, ObjectMapper json) throws IOException {
        JsonNode root = json.readTree(descriptor.toFile());
        JsonNode module = root.path("extensions").path(EXTENSION).path("json");
        if (module.isMissingNode()) {
            return null;
        }
        List<String> rest = new ArrayList<>();
        module.path("restPaths").forEach(path -> rest.add(path.asText()));
        List<String> web = new ArrayList<>();
        module.path("webPaths").forEach(path -> web.add(path.asText()));
        List<BundleJar> bundles = new ArrayList<>();
        for (JsonNode bundle : root.path("bundles")) {
            String coordinates = bundle.path("id").asText();
            String[] parts = coordinates.split(":");
            if (parts.length < 3) {
                throw new IOException(descriptor + ": bundle id '" + coordinates + "' is not groupId:artifactId:version");
            }
            String version = parts[parts.length - 1];
            Path jar = artifactPath(repository, parts[0], parts[1], version, ".jar");
            String declared = bundle.path("secretariat.symbolic-name").asText(null);
            String bundleVersion = bundle.path("secretariat.bundle-version").asText(null);
            bundles.add(new BundleJar(coordinates, declared == null ? parts[1] : declared, bundleVersion(bundleVersion, version), jar, declared));
        }
        String id = module.path("id").asText(null);
        String version = module.path("version").asText(null);
        if (id == null || version == null) {
            throw new IOException(descriptor + ": the secretariat.module extension needs an id and a version");
        }
        segment(id, "module id");
        segment(version, "module version");
        ModuleFeature feature = new ModuleFeature(id, version, rest, web, module.path("schemaVersion").asInt(0), bundles, descriptor);
        root.path("configurations").fields().forEachRemaining(entry -> {
            java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(property -> properties.put(property.getKey(), value(property.getValue())));
            feature.configurations.put(entry.getKey(), properties);
        });
        return feature;
    }

    /** A configuration value: string, number, boolean, or an array of strings. */
    private static Object value(JsonNode node) {
        if (node.isArray()) {
            String[] values = new String[node.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = node.get(i).asText();
            }
            return values;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.asText();
    }

    /** Every jar of the feature exists and is readable. */
    List<String> missingJars() {
        List<String> missing = new ArrayList<>();
        for (BundleJar bundle : bundles) {
            if (!Files.isReadable(bundle.jar)) {
                missing.add(bundle.coordinates + " (" + bundle.jar + ")");
            }
        }
        return missing;
    }

    @Override
    public String toString() {
        return id + " " + versionText;
    }
}
