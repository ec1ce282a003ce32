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
            copy(artifact, version, repository);
        }
        if (configurations != null) {
            feature.set("configurations", read(json, configurations));
        }
        if (extensions != null) {
            feature.set("extensions", read(json, extensions));
        }
        File descriptor = new File(outputDirectory, project.getArtifactId() + ".feature.json");
        try {
            Files.createDirectories(outputDirectory.toPath());
            json.writeValue(descriptor, feature);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + descriptor, e);
        }
        projectHelper.attachArtifact(project, "json", "feature", descriptor);
        getLog().info("Feature " + feature.get("id").asText() + ": " + bundles.size() + " bundles -> " + descriptor);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(ObjectMapper json, File file) throws MojoExecutionException {
        try {
            return json.readTree(file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + file + ": " + e.getMessage(), e);
        }
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
