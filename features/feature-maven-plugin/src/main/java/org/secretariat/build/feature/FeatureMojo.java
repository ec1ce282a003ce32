package org.secretariat.build.feature;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates {@code <artifactId>.feature.json} in the OSGi Feature format and copies the feature's jars
 * into {@code target/repository} in Maven layout. Every bundle must be an OSGi bundle.
 *
 * <p>The project's direct dependencies (not test or provided) are the feature's own bundles. What
 * becomes of them depends on {@link #resolution}:
 * <ul>
 * <li>{@code none}: the bundle list is the direct dependencies, in the order they are declared;</li>
 * <li>{@code check}: the same list, and bnd's resolver must resolve it on its own on the framework
 * ({@link #framework}, {@link #executionEnvironment}), or the build fails with bnd's explanation;</li>
 * <li>{@code compute}: the list is computed by bnd's resolver: the own bundles and every bundle they
 * need, taken from the project's dependency closure and the own bundles' build dependencies, except the
 * bundles of the features this one is installed on (the project's dependencies of type {@code json},
 * classifier {@code feature}, e.g. the platform's), providers before their users; the build fails if
 * they do not resolve. A dependency declared optional is only offered to the resolver: it is in the
 * feature if a bundle needs it (for what a library's POM leaves out but its manifest imports).</li>
 * </ul>
 */
@Mojo(name = "feature", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class FeatureMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    private List<RemoteRepository> remoteRepositories;

    /** Feature configurations (PID to properties), written as the feature's "configurations". */
    @Parameter
    private File configurations;

    /** Extra top-level properties for the feature's "extensions" section, as a JSON file. */
    @Parameter
    private File extensions;

    /**
     * For a module (not the platform): its id. The descriptor then carries the extension
     * {@value #MODULE_EXTENSION} with the id, the REST and web paths it serves and its schema version
     * (the highest {@code db/migration/V<n>__*.sql} found in its bundles).
     */
    @Parameter
    private String moduleId;

    /** REST paths the module serves, e.g. /api/meetings. */
    @Parameter
    private java.util.List<String> restPaths;

    /** Web paths the module serves, e.g. /app/meetings. */
    @Parameter
    private java.util.List<String> webPaths;

    /** Whether the project's own jar (a bundle project) is the feature's first bundle. */
    @Parameter(defaultValue = "false")
    private boolean includeProjectArtifact;

    /** {@code none}, {@code check} or {@code compute}: see the class comment. */
    @Parameter(property = "secretariat.feature.resolution", defaultValue = "none")
    private String resolution;

    /** The OSGi framework the feature is resolved on, groupId:artifactId:version (bnd's -runfw). */
    @Parameter(property = "secretariat.feature.framework")
    private String framework;

    /** The Java the feature is resolved on, as bnd names it (bnd's -runee). */
    @Parameter(property = "secretariat.feature.executionEnvironment", defaultValue = "JavaSE-17")
    private String executionEnvironment;

    /**
     * With {@code compute}: whether the build dependencies of each own bundle (those its POM declares,
     * provided ones included, and their closure) are candidates too. Off, only the project's own
     * dependency closure is.
     */
    @Parameter(property = "secretariat.feature.bundleDependencies", defaultValue = "true")
    private boolean bundleDependencies;

    static final String MODULE_EXTENSION = "secretariat.module";
    private static final java.util.regex.Pattern MIGRATION = java.util.regex.Pattern.compile("db/migration/V(\\d+)__[^/]+\\.sql");

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File outputDirectory;

    /** A jar with the coordinates it is published under. */
    @Override
    public void execute() throws MojoExecutionException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode feature = json.createObjectNode();
        feature.put("feature-resource-version", "1.0");
        feature.put("id", project.getGroupId() + ":" + project.getArtifactId() + ":osgifeature:" + project.getVersion());
        if (project.getName() != null) {
            feature.put("name", project.getName());
        }
        if (project.getDescription() != null) {
            feature.put("description", project.getDescription().trim().replaceAll("\\s+", " "));
        }
        List<Jar> own = ownBundles();
        List<Jar> featureBundles = switch (resolution) {
            case "none" -> own;
            case "check" -> check(own);
            case "compute" -> compute(own);
            default -> throw new MojoExecutionException("resolution must be none, check or compute, not " + resolution);
        };
        Path repository = outputDirectory.toPath().resolve("repository");
        ArrayNode bundles = feature.putArray("bundles");
        int schemaVersion = 0;
        for (Jar jar : featureBundles) {
            ObjectNode bundle = bundles.addObject();
            bundle.put("id", jar.id());
            bundle.put("secretariat.symbolic-name", symbolicName(jar.file()).split(";")[0].trim());
            // the version the framework will report, which a library may spell unlike Maven (FreeMarker: 2.3.34.stable)
            bundle.put("secretariat.bundle-version", manifestValue(jar.file(), "Bundle-Version", "0.0.0").trim());
            copy(jar, repository);
            schemaVersion = Math.max(schemaVersion, highestMigration(jar.file()));
        }
        if (configurations != null) {
            feature.set("configurations", read(json, configurations));
        }
        ObjectNode extensionsNode = extensions != null ? (ObjectNode) read(json, extensions) : json.createObjectNode();
        if (moduleId != null) {
            ObjectNode module = extensionsNode.putObject(MODULE_EXTENSION);
            module.put("type", "JSON");
            module.put("kind", "MANDATORY");
            ObjectNode content = module.putObject("json");
            content.put("id", moduleId);
            content.put("version", project.getVersion());
            ArrayNode rest = content.putArray("restPaths");
            (restPaths == null ? java.util.List.<String>of() : restPaths).forEach(rest::add);
            ArrayNode web = content.putArray("webPaths");
            (webPaths == null ? java.util.List.<String>of() : webPaths).forEach(web::add);
            content.put("schemaVersion", schemaVersion);
        }
        if (extensionsNode.size() > 0) {
            feature.set("extensions", extensionsNode);
        }
        File descriptor = new File(outputDirectory, project.getArtifactId() + ".feature.json");
        try {
            Files.createDirectories(outputDirectory.toPath());
            json.writeValue(descriptor, feature);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + descriptor, e);
        }
        projectHelper.attachArtifact(project, "json", "feature", descriptor);
        if (moduleId != null) {
            // The module's repository folder holds its descriptor too, so it can be published as is.
            Path published = repository.resolve(project.getGroupId().replace('.', '/')).resolve(project.getArtifactId())
                    .resolve(project.getVersion()).resolve(project.getArtifactId() + "-" + project.getVersion() + ".feature.json");
            try {
                Files.createDirectories(published.getParent());
                Files.copy(descriptor.toPath(), published, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + published, e);
            }
        }
        getLog().info("Feature " + feature.get("id").asText() + ": " + bundles.size() + " bundles -> " + descriptor);
    }

    /** The project's own jar if asked, then its direct dependencies that are not test, provided or features. */
    private List<Jar> ownBundles() throws MojoExecutionException {
        List<Jar> own = new ArrayList<>();
        if (includeProjectArtifact) {
            Artifact artifact = project.getArtifact();
            if (artifact.getFile() == null || !artifact.getFile().isFile()) {
                throw new MojoExecutionException("includeProjectArtifact: bind this goal after the jar is packaged");
            }
            if (symbolicName(artifact.getFile()) == null) {
                throw new MojoExecutionException(artifact + " is not an OSGi bundle");
            }
            own.add(Jar.of(artifact));
        }
        Map<String, Artifact> resolved = new LinkedHashMap<>();
        for (Artifact artifact : project.getArtifacts()) {
            resolved.put(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact);
        }
        for (Dependency dependency : project.getDependencies()) {
            if ("test".equals(dependency.getScope()) || "provided".equals(dependency.getScope()) || isFeature(dependency)
                    || dependency.isOptional() && "compute".equals(resolution)) {
                continue;
            }
            Artifact artifact = resolved.get(dependency.getGroupId() + ":" + dependency.getArtifactId());
            if (artifact == null || artifact.getFile() == null) {
                throw new MojoExecutionException("Dependency " + dependency.getManagementKey() + " was not resolved");
            }
            if (symbolicName(artifact.getFile()) == null) {
                throw new MojoExecutionException(artifact + " is not an OSGi bundle (no Bundle-SymbolicName): wrap it in a project module");
            }
            own.add(Jar.of(artifact));
        }
        return own;
    }

    /** The declared list, once bnd's resolver has resolved it on its own. */
    private List<Jar> check(List<Jar> own) throws MojoExecutionException {
        long start = System.nanoTime();
        List<FeatureResolver.Bundle> resolved = resolve(own, List.of(), List.of());
        Set<File> declared = new HashSet<>();
        own.forEach(j -> declared.add(j.file()));
        List<String> extra = resolved.stream().filter(b -> !declared.contains(b.file())).map(Object::toString).toList();
        if (!extra.isEmpty()) {
            throw new MojoExecutionException("Feature " + project.getArtifactId() + " needs bundles it does not list: " + extra);
        }
        getLog().info("Feature " + project.getArtifactId() + ": its " + own.size() + " bundles resolve on "
                + executionEnvironment + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        return own;
    }

    /** The own bundles and what they need that the base features do not have, in wiring order. */
    private List<Jar> compute(List<Jar> own) throws MojoExecutionException {
        long start = System.nanoTime();
        Map<File, Jar> known = new LinkedHashMap<>();
        own.forEach(j -> known.putIfAbsent(j.file(), j));
        List<Jar> base = baseBundles();
        base.forEach(j -> known.putIfAbsent(j.file(), j));
        List<Jar> candidates = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if ("jar".equals(artifact.getType()) || "bundle".equals(artifact.getType())) {
                candidates.add(Jar.of(artifact));
            }
        }
        if (bundleDependencies) {
            for (Jar bundle : own) {
                candidates.addAll(mavenJars().buildDependencies(bundle));
            }
        }
        candidates.forEach(j -> known.putIfAbsent(j.file(), j));

        List<FeatureResolver.Bundle> resolved = resolve(own, base, candidates);
        for (Jar jar : own) {
            if (resolved.stream().noneMatch(b -> b.file().equals(jar.file()))) {
                getLog().warn(jar.id() + " is in a feature this one is installed on already: not repeated");
            }
        }
        List<Jar> result = new ArrayList<>();
        for (FeatureResolver.Bundle bundle : resolved) {
            Jar jar = known.get(bundle.file());
            result.add(jar);
            getLog().info("  " + jar.id() + (bundle.neededBy().isEmpty() ? "" : "  <- " + String.join(", ", bundle.neededBy())));
        }
        getLog().info("Feature " + project.getArtifactId() + ": " + own.size() + " own bundles need " + (result.size() - own.size())
                + " more beyond the " + base.size() + " installed before it (resolved in " + (System.nanoTime() - start) / 1_000_000 + " ms)");
        return result;
    }

    private List<FeatureResolver.Bundle> resolve(List<Jar> roots, List<Jar> base, List<Jar> candidates) throws MojoExecutionException {
        if (framework == null || framework.isBlank()) {
            throw new MojoExecutionException("resolution " + resolution + " needs the framework (groupId:artifactId:version)");
        }
        String[] parts = framework.trim().split(":");
        if (parts.length != 3) {
            throw new MojoExecutionException("framework must be groupId:artifactId:version, not " + framework);
        }
        File frameworkJar = mavenJars().resolve(parts[0], parts[1], parts[2]).file();
        try {
            return new FeatureResolver(frameworkJar, executionEnvironment).resolve(
                    roots.stream().map(Jar::file).toList(), base.stream().map(Jar::file).toList(), candidates.stream().map(Jar::file).toList());
        } catch (FeatureResolver.FeatureResolutionException e) {
            throw new MojoExecutionException("Feature " + project.getArtifactId() + " does not resolve"
                    + (base.isEmpty() ? "" : " on the features it is installed on") + ":\n" + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static boolean isFeature(Dependency dependency) {
        return "json".equals(dependency.getType()) && "feature".equals(dependency.getClassifier());
    }

    /** The bundles of the features this one is installed on: its dependencies of type json, classifier feature. */
    private List<Jar> baseBundles() throws MojoExecutionException {
        List<Jar> base = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (!"json".equals(artifact.getType()) || !"feature".equals(artifact.getClassifier())) {
                continue;
            }
            JsonNode descriptor = read(new ObjectMapper(), artifact.getFile());
            for (JsonNode bundle : descriptor.path("bundles")) {
                String[] id = bundle.path("id").asText().split(":");
                if (id.length != 3) {
                    throw new MojoExecutionException("Bundle id " + bundle.path("id") + " of " + artifact + " is not groupId:artifactId:version");
                }
                base.add(mavenJars().resolve(id[0], id[1], id[2]));
            }
        }
        return base;
    }

    private MavenJars mavenJars() {
        return new MavenJars(repositorySystem, repositorySession, remoteRepositories, getLog());
    }

    private static JsonNode read(ObjectMapper json, File file) throws MojoExecutionException {
        try {
            return json.readTree(file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int highestMigration(File jar) throws MojoExecutionException {
        int highest = 0;
        try (JarFile file = new JarFile(jar)) {
            for (java.util.jar.JarEntry entry : java.util.Collections.list(file.entries())) {
                java.util.regex.Matcher matcher = MIGRATION.matcher(entry.getName());
                if (matcher.matches()) {
                    highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + jar, e);
        }
        return highest;
    }

    private static String symbolicName(File jar) throws MojoExecutionException {
        return manifestValue(jar, "Bundle-SymbolicName", null);
    }

    private static String manifestValue(File jar, String header, String otherwise) throws MojoExecutionException {
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(header);
            return value == null ? otherwise : value;
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + jar, e);
        }
    }

    private static void copy(Jar jar, Path repository) throws MojoExecutionException {
        Path target = repository.resolve(jar.groupId().replace('.', '/'))
                .resolve(jar.artifactId()).resolve(jar.version())
                .resolve(jar.artifactId() + "-" + jar.version() + ".jar");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(jar.file().toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot copy " + jar.file() + " to " + target, e);
        }
    }
}
