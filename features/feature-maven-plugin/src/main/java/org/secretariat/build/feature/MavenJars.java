package org.secretariat.build.feature;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;

/** Jars the resolution needs beyond the project's own dependencies, fetched through Maven's repository system. */
final class MavenJars {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> remotes;
    private final Log log;

    MavenJars(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> remotes, Log log) {
        this.system = system;
        this.session = session;
        this.remotes = remotes;
        this.log = log;
    }

    Jar resolve(String groupId, String artifactId, String version) throws MojoExecutionException {
        try {
            ArtifactResult result = system.resolveArtifact(session,
                    new ArtifactRequest(new DefaultArtifact(groupId, artifactId, "jar", version), remotes, null));
            return Jar.of(result.getArtifact());
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve " + groupId + ":" + artifactId + ":" + version + ": " + e.getMessage(), e);
        }
    }

    /** What a bundle was built against: its POM's dependencies but test ones, and their closure. */
    List<Jar> buildDependencies(Jar bundle) throws MojoExecutionException {
        DefaultArtifact artifact = new DefaultArtifact(bundle.groupId(), bundle.artifactId(), "jar", bundle.version());
        ArtifactDescriptorResult descriptor;
        try {
            descriptor = system.readArtifactDescriptor(session, new ArtifactDescriptorRequest(artifact, remotes, null));
        } catch (ArtifactDescriptorException e) {
            throw new MojoExecutionException("Cannot read the POM of " + bundle.id() + ": " + e.getMessage(), e);
        }
        CollectRequest collect = new CollectRequest();
        collect.setRootArtifact(descriptor.getArtifact());
        descriptor.getDependencies().stream().filter(d -> !"test".equals(d.getScope())).forEach(collect::addDependency);
        collect.setManagedDependencies(descriptor.getManagedDependencies());
        collect.setRepositories(remotes);
        DependencyResult result;
        try {
            result = system.resolveDependencies(session, new DependencyRequest(collect, null));
        } catch (DependencyResolutionException e) {
            result = e.getResult();
            log.warn("Some build dependencies of " + bundle.id() + " are not candidates: " + e.getMessage());
        }
        List<Jar> jars = new ArrayList<>();
        if (result != null) {
            for (ArtifactResult resolved : result.getArtifactResults()) {
                org.eclipse.aether.artifact.Artifact a = resolved.getArtifact();
                if (a != null && a.getFile() != null && "jar".equals(a.getExtension())) {
                    jars.add(Jar.of(a));
                }
            }
        }
        return jars;
    }
}
