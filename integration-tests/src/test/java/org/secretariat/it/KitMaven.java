package org.secretariat.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven run as a developer outside this repository runs it, in a child process, on a module generated
 * from the kit. Its local repository is the one the build staged for it ({@code kit.repository}: the
 * kit, the parents, platform-api and -testing, the feature plugin, the platform feature, the
 * distribution, all from this build); everything else (plugins, libraries) comes from this build's own
 * local repository, read as a file repository through a mirror: the child never touches the network.
 */
final class KitMaven {

    private final Path work;
    private final Path settings;
    private int runs;

    KitMaven(Path work) throws IOException {
        this.work = work;
        // Maven takes the folder holding .mvn above the project as its root (and .mvn's settings):
        // this one, not this repository's
        Files.createDirectories(work.resolve(".mvn"));
        this.settings = work.resolve("settings.xml");
        String url = PlatformOptions.path("maven.user.repository").toUri().toString();
        // central is this build's local repository (its files carry no checksums when they were installed,
        // not downloaded); any other repository a POM names is mirrored to it
        String repository = "<id>central</id><url>" + url + "</url>"
                + "<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(settings, "<settings>\n"
                + "  <mirrors><mirror><id>central</id><mirrorOf>*</mirrorOf><url>" + url + "</url></mirror></mirrors>\n"
                + "  <profiles><profile><id>this-build</id>\n"
                + "    <repositories><repository>" + repository + "</repository></repositories>\n"
                + "    <pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>\n"
                + "  </profile></profiles>\n"
                + "  <activeProfiles><activeProfile>this-build</activeProfile></activeProfiles>\n"
                + "</settings>\n");
    }

    /** The kit's version: the archetype's, the parent's and the platform's. */
    static String kitVersion() {
        return System.getProperty("kit.version");
    }

    /**
     * {@code mvn archetype:generate} in {@code folder}, in batch mode, with these parameters
     * ({@code -Dname=value}); answers the generated project's folder.
     */
    Path generate(Path folder, String artifactId, String... parameters) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        List<String> arguments = new ArrayList<>(List.of("org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=org.secretariat", "-DarchetypeArtifactId=secretariat-module-archetype",
                "-DarchetypeVersion=" + kitVersion(), "-DartifactId=" + artifactId));
        for (String parameter : parameters) {
            arguments.add("-D" + parameter);
        }
        run(folder, 120, arguments);
        return folder.resolve(artifactId);
    }

    /** {@code mvn <arguments>} in the project's folder; fails with the end of its log if Maven does. */
    void build(Path project, int timeLimitSeconds, String... arguments) throws IOException, InterruptedException {
        run(project, timeLimitSeconds, List.of(arguments));
    }

    private void run(Path directory, int timeLimitSeconds, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + PlatformOptions.path("kit.repository")));
        command.addAll(arguments);
        Path log = work.resolve("maven-" + (++runs) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the JDK running the tests, whatever JAVA_HOME says
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        if (!maven.waitFor(timeLimitSeconds, TimeUnit.SECONDS)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly); // its test JVMs and the platform they started
            maven.destroyForcibly();
            throw new AssertionError("mvn " + arguments + " did not end within " + timeLimitSeconds + " s; its log: " + log + "\n" + tail(log));
        }
        if (maven.exitValue() != 0) {
            throw new AssertionError("mvn " + arguments + " in " + directory + " failed (" + maven.exitValue() + "); its log: " + log + "\n" + tail(log));
        }
    }

    /** {@code maven.home}'s mvn, as this build's; else mvn on the PATH. */
    private static String executable() {
        String home = System.getProperty("maven.home");
        if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
