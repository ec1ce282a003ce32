package org.secretariat.build.feature;

import java.io.File;

import org.apache.maven.artifact.Artifact;

/** A jar by its Maven coordinates and file. */
record Jar(String groupId, String artifactId, String version, File file) {

    String id() {
        return groupId + ":" + artifactId + ":" + version;
    }

    static Jar of(Artifact artifact) {
        return new Jar(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion(), artifact.getFile());
    }

    static Jar of(org.eclipse.aether.artifact.Artifact artifact) {
        return new Jar(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion(), artifact.getFile());
    }
}
