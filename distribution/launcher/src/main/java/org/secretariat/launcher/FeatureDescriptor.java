package org.secretariat.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An OSGi Feature descriptor (Compendium ch. 159) as far as the launcher needs it: the feature's id
 * and its bundles, in install order.
 */
public final class FeatureDescriptor {

    /** A bundle of a feature, named by Maven coordinates {@code groupId:artifactId:version}. */
    public static final class BundleId {
        private final String groupId;
        private final String artifactId;
        private final String version;

        BundleId(String groupId, String artifactId, String version) {
            this.groupId = groupId;
            this.artifactId = artifactId;
            this.version = version;
        }

        /** Reads {@code groupId:artifactId[:type[:classifier]]:version}. */
        static BundleId parse(String id) {
            String[] parts = id.split(":");
            if (parts.length < 3 || parts.length > 5) {
                throw new IllegalArgumentException("bundle id '" + id + "' is not groupId:artifactId:version");
            }
            return new BundleId(parts[0], parts[1], parts[parts.length - 1]);
        }

        public String groupId() {
            return groupId;
        }

        public String artifactId() {
            return artifactId;
        }

        public String version() {
            return version;
        }

        /** The jar's path inside a Maven-layout repository folder. */
        public Path pathIn(Path repository) {
            return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                    .resolve(artifactId + "-" + version + ".jar");
        }

        /**
         * The bundle location the platform installs it under: the artifact without its version, so
         * an upgrade updates the same bundle instead of installing a second one beside it.
         */
        public String location() {
            return "secretariat:" + groupId + ":" + artifactId;
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    private final String id;
    private final List<BundleId> bundles;

    private FeatureDescriptor(String id, List<BundleId> bundles) {
        this.id = id;
        this.bundles = List.copyOf(bundles);
    }

    /** Reads a descriptor file. */
    public static FeatureDescriptor read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode id = root.get("id");
        if (id == null || !id.isTextual()) {
            throw new IOException(file + " is not a feature descriptor: it has no \"id\"");
        }
        List<BundleId> bundles = new ArrayList<>();
        JsonNode list = root.get("bundles");
        if (list != null) {
            for (JsonNode bundle : list) {
                JsonNode bundleId = bundle.isTextual() ? bundle : bundle.get("id");
                if (bundleId == null || !bundleId.isTextual()) {
                    throw new IOException(file + ": a bundle entry has no \"id\"");
                }
                bundles.add(BundleId.parse(bundleId.asText()));
            }
        }
        return new FeatureDescriptor(id.asText(), bundles);
    }

    public String id() {
        return id;
    }

    public List<BundleId> bundles() {
        return bundles;
    }
}
