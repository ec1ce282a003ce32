package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What one version of a module declares, read from its jars without installing them: each bundle's
 * symbolic name and persistence unit, its migrations, the REST roots of its resources and the
 * permissions its methods require. The install-time checks ({@link ModuleChecks}) judge these.
 */
final class ModuleDeclarations {

    static final String PATH_ANNOTATION = "Ljavax/ws/rs/Path;";
    static final String PERMISSION_ANNOTATION = "Lorg/secretariat/platform/api/security/RequiresPermission;";
    static final String UNIT_HEADER = "Secretariat-Persistence-Unit";
    static final String MIGRATIONS = "db/migration/";

    /** One jar of the module as read. */
    record Jar(String file, String declaredSymbolicName, String symbolicName, String persistenceUnit, String problem) {
    }

    /** A value found in a class: which jar and class, and the value. */
    record Found(String file, String className, String value) {
    }

    final String module;
    final String version;
    final List<Jar> jars = new ArrayList<>();
    /** Migration file name to content, by jar. */
    final Map<String, Map<String, byte[]>> migrations = new LinkedHashMap<>();
    final List<Found> restRoots = new ArrayList<>();
    final List<Found> permissions = new ArrayList<>();
    final List<String> webPaths;
    final List<String> declaredRestPaths;

    private ModuleDeclarations(ModuleFeature feature) {
        this.module = feature.id;
        this.version = feature.versionText;
        this.webPaths = feature.webPaths;
        this.declaredRestPaths = feature.restPaths;
    }

    static ModuleDeclarations of(ModuleFeature feature) {
        ModuleDeclarations declarations = new ModuleDeclarations(feature);
        for (ModuleFeature.BundleJar bundle : feature.bundles) {
            declarations.read(bundle);
        }
        return declarations;
    }

    private void read(ModuleFeature.BundleJar bundle) {
        String file = bundle.jar.getFileName().toString();
        try (JarFile jar = new JarFile(bundle.jar.toFile())) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String symbolicName = main.getValue("Bundle-SymbolicName");
            String unit = main.getValue(UNIT_HEADER);
            jars.add(new Jar(file, bundle.declaredSymbolicName, symbolicName == null ? null : symbolicName.split(";")[0].trim(),
                    unit == null ? null : unit.trim(), null));
            Map<String, byte[]> own = new LinkedHashMap<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(MIGRATIONS) && name.endsWith(".sql") && name.indexOf('/', MIGRATIONS.length()) < 0) {
                    own.put(name.substring(MIGRATIONS.length()), bytes(jar, entry));
                } else if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    classValues(file, name, bytes(jar, entry));
                }
            }
            if (!own.isEmpty()) {
                migrations.put(file, own);
            }
        } catch (IOException e) {
            jars.add(new Jar(file, bundle.declaredSymbolicName, null, null, "not a valid bundle: it cannot be read as a jar (" + e.getMessage() + ")"));
        }
    }

    private void classValues(String file, String entry, byte[] content) {
        String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        List<ClassAnnotations.Value> values;
        try {
            values = ClassAnnotations.read(content);
        } catch (IOException e) {
            // Not our business: the framework judges class files when it loads them.
            return;
        }
        for (ClassAnnotations.Value value : values) {
            if (PATH_ANNOTATION.equals(value.annotationType()) && value.onClass()) {
                restRoots.add(new Found(file, className, value.value()));
            } else if (PERMISSION_ANNOTATION.equals(value.annotationType())) {
                permissions.add(new Found(file, className, value.value()));
            }
        }
    }

    private static byte[] bytes(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
