package org.secretariat.platform.modules.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class ModuleFeatureTest {

    @Test
    void mavenVersionsBecomeOsgiVersions() {
        assertEquals(new Version(1, 2, 0), ModuleFeature.osgiVersion("1.2.0"));
        assertEquals(new Version(1, 2, 0, "SNAPSHOT"), ModuleFeature.osgiVersion("1.2.0-SNAPSHOT"));
        assertEquals(new Version(2, 0, 0), ModuleFeature.osgiVersion("2"));
        assertEquals(new Version(1, 0, 0, "rc1"), ModuleFeature.osgiVersion("1.0.0.rc1"));
    }

    @Test
    void versionsAreReadFromMavenMetadata() {
        String metadata = "<metadata><groupId>org.atu</groupId><artifactId>reporting-module</artifactId><versioning>"
                + "<latest>1.1.0</latest><release>1.1.0</release><versions><version>1.0.0</version>\n<version> 1.1.0 </version>"
                + "</versions></versioning></metadata>";
        assertEquals(List.of("1.0.0", "1.1.0"), MavenRepositoryMirror.versions(metadata));
    }

    @Test
    void coordinatesCannotLeaveTheirRepository() throws Exception {
        java.nio.file.Path repository = java.nio.file.Path.of("/srv/repository");
        assertEquals(repository.resolve("org/atu/reporting/1.0.0/reporting-1.0.0.jar"),
                ModuleFeature.artifactPath(repository, "org.atu", "reporting", "1.0.0", ".jar"));
        for (String[] bad : new String[][] {{"org.atu", "x", "../../../cache/bundle1/version0.0"}, {"org..atu", "x", "1"},
                {"org.atu", "..", "1"}, {"org/atu", "x", "1"}, {"org.atu", "x", ""}}) {
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> ModuleFeature.artifactPath(repository, bad[0], bad[1], bad[2], ".jar"), String.join(":", bad));
        }
    }

    @Test
    void remoteRepositoriesMustUseHttpsExceptOnLoopback() {
        assertEquals(true, MavenRepositoryMirror.trusted("https://repo.example.org/maven2/"));
        assertEquals(true, MavenRepositoryMirror.trusted("http://127.0.0.1:8081/"));
        assertEquals(false, MavenRepositoryMirror.trusted("http://repo.example.org/maven2/"));
        assertEquals(false, MavenRepositoryMirror.trusted("ftp://127.0.0.1/"));
    }

    @Test
    void checksumsAreSha1Hex() {
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", MavenRepositoryMirror.sha1("abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void missingRequirementsAreNamedWithTheirVersionRange() {
        org.osgi.framework.BundleException felix = new org.osgi.framework.BundleException(
                "Unable to resolve org.secretariat.fixture.notes [85](R 85.0): missing requirement [org.secretariat.fixture.notes [85](R 85.0)] "
                        + "osgi.wiring.package; (&(osgi.wiring.package=org.secretariat.nowhere)(version>=1.0.0)(!(version>=2.0.0))) "
                        + "Unresolved requirements: [...]");
        String message = FelixModuleFramework.resolutionMessage(felix);
        assertEquals(true, message.startsWith("missing package org.secretariat.nowhere version [1.0.0,2.0.0)"), message);
    }
}
