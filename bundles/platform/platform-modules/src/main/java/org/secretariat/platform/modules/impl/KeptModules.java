package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The copies of each installed module version under {@code <data>/modules/<id>/<version>/}: its
 * descriptor and jars, so that a rollback, a put-back after a failure or a recovery after a crash
 * never depends on a repository still holding that version.
 */
final class KeptModules {

    private static final Logger LOG = Logger.getLogger(KeptModules.class.getName());
    private static final String DESCRIPTOR = "module.feature.json";

    private final Path root;
    private final ObjectMapper json = new ObjectMapper();
    /** Kept copies never change once written: read each descriptor once (health asks on every call). */
    private final java.util.Map<String, ModuleFeature> read = new java.util.concurrent.ConcurrentHashMap<>();

    KeptModules(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Copies the feature and its jars (once); answers the kept feature, whose jars are the copies. */
    ModuleFeature keep(ModuleFeature feature) {
        Path folder = folder(feature.id, feature.versionText);
        try {
            Files.createDirectories(folder);
            for (ModuleFeature.BundleJar jar : feature.bundles) {
                Path kept = jar(feature, jar);
                if (!Files.exists(kept)) {
                    Files.createDirectories(kept.getParent());
                    Path partial = kept.resolveSibling(kept.getFileName() + ".part");
                    Files.copy(jar.jar, partial, StandardCopyOption.REPLACE_EXISTING);
                    // Whole or absent: a crash while copying leaves no truncated jar behind under the final name.
                    Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path descriptor = folder.resolve(DESCRIPTOR);
            Path partial = folder.resolve(DESCRIPTOR + ".part");
            Files.copy(feature.descriptor, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, descriptor, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ModuleOperationException(500, "Cannot keep a copy of " + feature + " under " + folder + ": " + e.getMessage());
        }
        ModuleFeature kept = kept(feature.id, feature.versionText);
        if (kept == null) {
            throw new ModuleOperationException(500, "The kept copy of " + feature + " under " + folder + " cannot be read back");
        }
        return kept;
    }

    /** A kept version, read back as a feature whose jars are the kept ones; null when not kept. */
    ModuleFeature kept(String module, String version) {
        ModuleFeature known = read.get(module + ":" + version);
        if (known != null) {
            return known;
        }
        Path folder = folder(module, version);
        Path descriptor = folder.resolve(DESCRIPTOR);
        if (!Files.exists(descriptor)) {
            return null;
        }
        try {
            ModuleFeature feature = ModuleFeature.read(descriptor, folder, json);
            if (feature != null) {
                read.put(module + ":" + version, feature);
            }
            return feature;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read kept module " + descriptor + ": " + e.getMessage());
            return null;
        }
    }

    private Path folder(String module, String version) {
        return root.resolve(module).resolve(version);
    }

    private Path jar(ModuleFeature feature, ModuleFeature.BundleJar jar) {
        String[] parts = jar.coordinates.split(":");
        try {
            return ModuleFeature.artifactPath(folder(feature.id, feature.versionText), parts[0], parts[1], parts[parts.length - 1], ".jar");
        } catch (IOException e) {
            throw new ModuleOperationException(422, e.getMessage());
        }
    }
}
