package org.secretariat.build.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolution over small bundles written here, on the Felix framework of the build and Java 17. */
class FeatureResolverTest {

    @TempDir
    Path folder;

    private FeatureResolver resolver;

    @BeforeEach
    void felix() throws URISyntaxException {
        File felix = new File(Felix.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        resolver = new FeatureResolver(felix, "JavaSE-17");
    }

    @Test
    void aPackageNothingExportsFailsTheResolutionNamingTheBundleAndThePackage() throws Exception {
        File impl = bundle("example.impl", "1.0.0", Map.of(
                "Import-Package", "example.api;version=\"[1,2)\",org.osgi.framework,javax.xml.parsers"));
        File api = bundle("example.api", "1.0.0", Map.of("Export-Package", "example.api;version=1.0.0"));
        File orphan = bundle("example.orphan", "1.0.0", Map.of("Import-Package", "example.nowhere;version=\"[2,3)\""));

        FeatureResolver.FeatureResolutionException failure = assertThrows(FeatureResolver.FeatureResolutionException.class,
                () -> resolver.resolve(List.of(impl, orphan), List.of(), List.of(api)));

        String explanation = failure.getMessage();
        assertTrue(explanation.contains("example.orphan"), explanation);
        assertTrue(explanation.contains("example.nowhere"), explanation);
        assertTrue(!explanation.contains("type=bnd.synthetic"), explanation);
    }

    @Test
    void aMissingPackageDeepInTheClosureIsReportedWithTheChainThatNeedsIt() throws Exception {
        File impl = bundle("example.impl", "1.0.0", Map.of("Import-Package", "example.lib"));
        File lib = bundle("example.lib", "1.0.0", Map.of("Export-Package", "example.lib", "Import-Package", "example.gone"));

        FeatureResolver.FeatureResolutionException failure = assertThrows(FeatureResolver.FeatureResolutionException.class,
                () -> resolver.resolve(List.of(impl), List.of(), List.of(lib)));

        String explanation = failure.getMessage();
        assertTrue(explanation.contains("example.impl") && explanation.contains("example.lib") && explanation.contains("example.gone"),
                explanation);
    }

    @Test
    void theExporterComesBeforeItsImportersAndUnneededCandidatesAreLeftOut() throws Exception {
        File impl = bundle("example.impl", "1.0.0", Map.of(
                "Import-Package", "example.api;version=\"[1,2)\",example.lib,org.osgi.framework;version=\"[1.10,2)\",javax.xml.parsers",
                "Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\""));
        File api = bundle("example.api", "1.0.0", Map.of("Export-Package", "example.api;version=1.0.0"));
        File unused = bundle("example.unused", "1.0.0", Map.of("Export-Package", "example.unused"));
        File lib = bundle("example.lib", "2.0.0", Map.of("Export-Package", "example.lib;version=2.0.0", "Import-Package", "example.util"));
        File util = bundle("example.util", "1.0.0", Map.of("Export-Package", "example.util"));

        List<FeatureResolver.Bundle> resolved = resolver.resolve(List.of(api, impl), List.of(), List.of(unused, util, lib));

        assertEquals(List.of("example.api", "example.util", "example.lib", "example.impl"), names(resolved));
        assertEquals(List.of("example.impl"), resolved.get(2).neededBy());
        assertEquals(List.of(), resolved.get(3).neededBy(), "a root is there because it is named");
        assertEquals(lib, resolved.get(2).file());
    }

    @Test
    void whatTheBaseProvidesIsUsedAndNotRepeated() throws Exception {
        File platformApi = bundle("example.platform", "1.0.0", Map.of("Export-Package", "example.platform;version=1.0.0"));
        File json = bundle("example.json", "2.14.0", Map.of("Export-Package", "example.json;version=2.14.0"));
        File newerJson = bundle("example.json", "2.17.0", Map.of("Export-Package", "example.json;version=2.17.0"));
        File impl = bundle("example.impl", "1.0.0", Map.of("Import-Package", "example.platform;version=\"[1,2)\",example.json;version=\"[2,3)\""));

        List<FeatureResolver.Bundle> resolved = resolver.resolve(List.of(impl), List.of(platformApi, json), List.of(newerJson, json));

        assertEquals(List.of("example.impl"), names(resolved), "the base's json is preferred to a newer candidate");
    }

    @Test
    void theBaseMustResolveWithTheFeature() throws Exception {
        File platform = bundle("example.platform", "1.0.0", Map.of("Import-Package", "example.absent"));
        File impl = bundle("example.impl", "1.0.0", Map.of());

        FeatureResolver.FeatureResolutionException failure = assertThrows(FeatureResolver.FeatureResolutionException.class,
                () -> resolver.resolve(List.of(impl), List.of(platform), List.of()));
        assertTrue(failure.getMessage().contains("example.absent"), failure.getMessage());
    }

    @Test
    void bundlesThatImportFromEachOtherStayTogetherAfterWhatTheyNeed() throws Exception {
        File base = bundle("example.base", "1.0.0", Map.of("Export-Package", "example.base"));
        File a = bundle("example.a", "1.0.0", Map.of("Export-Package", "example.a", "Import-Package", "example.b,example.base"));
        File b = bundle("example.b", "1.0.0", Map.of("Export-Package", "example.b", "Import-Package", "example.a"));
        File user = bundle("example.user", "1.0.0", Map.of("Import-Package", "example.a"));

        List<FeatureResolver.Bundle> resolved = resolver.resolve(List.of(user), List.of(), List.of(b, a, base));

        assertEquals(List.of("example.base", "example.b", "example.a", "example.user"), names(resolved));
    }

    @Test
    void theOrderIsTopologicalWithTiesBrokenByRank() {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        edges.put("impl", new LinkedHashSet<>(List.of("api", "lib")));
        edges.put("lib", new LinkedHashSet<>(List.of("util")));
        edges.put("api", new LinkedHashSet<>());
        edges.put("util", new LinkedHashSet<>());
        edges.put("other", new LinkedHashSet<>());
        Map<String, Integer> rank = Map.of("api", 0, "impl", 1, "other", 2, "lib", 3, "util", 4);

        assertEquals(List.of("api", "other", "util", "lib", "impl"), FeatureResolver.order(edges, rank));
    }

    private static List<String> names(List<FeatureResolver.Bundle> bundles) {
        return bundles.stream().map(FeatureResolver.Bundle::symbolicName).toList();
    }

    /** A bundle with only a manifest (and a placeholder entry per exported package). */
    private File bundle(String symbolicName, String version, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        headers.forEach(main::putValue);
        Path jar = folder.resolve(symbolicName + "-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            String exports = headers.getOrDefault("Export-Package", "");
            for (String export : exports.isEmpty() ? new String[0] : exports.split(",")) {
                zip.putNextEntry(new ZipEntry(export.split(";")[0].replace('.', '/') + "/package-info.txt"));
                zip.closeEntry();
            }
        }
        return jar.toFile();
    }
}
