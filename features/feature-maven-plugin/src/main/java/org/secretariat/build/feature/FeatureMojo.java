package org.secretariat.build.feature;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates {@code <artifactId>.feature.json} in the OSGi Feature format from the project's direct
 * dependencies, in the order they are declared (the order the launcher installs them), and copies
 * their jars into {@code target/repository} in Maven layout. Every dependency must be an OSGi bundle.
 */
@Mojo(name = "feature", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class FeatureMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

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

    static final String MODULE_EXTENSION = "secretariat.module";
    private static final java.util.regex.Pattern MIGRATION = java.util.regex.Pattern.compile("db/migration/V(\\d+)__[^/]+\\.sql");

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File outputDirectory;

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
        Map<String, Artifact> resolved = new LinkedHashMap<>();
        for (Artifact artifact : project.getArtifacts()) {
            resolved.put(artifact.getGroupId() + ":" + artifact.getArtifactId(), artifact);
        }
        Path repository = outputDirectory.toPath().resolve("repository");
        ArrayNode bundles = feature.putArray("bundles");
        int schemaVersion = 0;
        if (includeProjectArtifact) {
            Artifact own = project.getArtifact();
            if (own.getFile() == null || !own.getFile().isFile()) {
                throw new MojoExecutionException("includeProjectArtifact: bind this goal after the jar is packaged");
            }
            String symbolicName = symbolicName(own.getFile());
            if (symbolicName == null) {
                throw new MojoExecutionException(own + " is not an OSGi bundle");
            }
            ObjectNode bundle = bundles.addObject();
            bundle.put("id", own.getGroupId() + ":" + own.getArtifactId() + ":" + own.getBaseVersion());
            bundle.put("secretariat.symbolic-name", symbolicName.split(";")[0].trim());
            copy(own, own.getBaseVersion(), repository);
            schemaVersion = Math.max(schemaVersion, highestMigration(own.getFile()));
        }
        List<Dependency> dependencies = project.getDependencies();
        for (Dependency dependency : dependencies) {
            if ("test".equals(dependency.getScope()) || "provided".equals(dependency.getScope())) {
                continue;
            }
            Artifact artifact = resolved.get(dependency.getGroupId() + ":" + dependency.getArtifactId());
            if (artifact == null || artifact.getFile() == null) {
                throw new MojoExecutionException("Dependency " + dependency.getManagementKey() + " was not resolved");
            }
            String symbolicName = symbolicName(artifact.getFile());
            if (symbolicName == null) {
                throw new MojoExecutionException(artifact + " is not an OSGi bundle (no Bundle-SymbolicName): wrap it in a project module");
            }
            String version = artifact.getBaseVersion();
            ObjectNode bundle = bundles.addObject();
            bundle.put("id", artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + version);
            bundle.put("secretariat.symbolic-name", symbolicName.split(";")[0].trim());
            copy(artifact, version, repository);
            schemaVersion = Math.max(schemaVersion, highestMigration(artifact.getFile()));
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

    private static com.fasterxml.jackson.databind.JsonNode read(ObjectMapper json, File file) throws MojoExecutionException {
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
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + jar, e);
        }
    }

    private static void copy(Artifact artifact, String version, Path repository) throws MojoExecutionException {
        Path target = repository.resolve(artifact.getGroupId().replace('.', '/'))
                .resolve(artifact.getArtifactId()).resolve(version)
                .resolve(artifact.getArtifactId() + "-" + version + ".jar");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(artifact.getFile().toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot copy " + artifact.getFile() + " to " + target, e);
        }
    }
}
