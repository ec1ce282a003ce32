package org.secretariat.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built distribution, run as an administrator runs it: {@code bin/secretariat} in a process. */
final class Distribution implements AutoCloseable {

    private final Process process;
    private final Path output;
    final int port;

    private Distribution(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts {@code bin/secretariat} with the given environment (SECRETARIAT_PORT and _DATA at least);
     * console and log output go to {@code output}.
     */
    static Distribution start(Map<String, String> environment, Path output) throws IOException {
        return start(PlatformOptions.path("secretariat.distribution"), environment, output);
    }

    /** Starts {@code bin/secretariat} of a distribution at {@code home} (e.g. a copy made by {@link #copy}). */
    static Distribution start(Path home, Map<String, String> environment, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/secretariat").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment);
        String portSetting = environment.getOrDefault("SECRETARIAT_PORT", "8080");
        int port = portSetting.matches("\\d{1,5}") ? Integer.parseInt(portSetting) : -1;
        return new Distribution(builder.start(), output, port);
    }

    /**
     * A copy of the built distribution at {@code target}, as another site would unpack it, with the
     * given files written into its {@code etc/} (name to content), e.g. extra module repositories.
     */
    static Path copy(Path target, Map<String, String> etcFiles) throws IOException {
        Path home = PlatformOptions.path("secretariat.distribution");
        try (java.util.stream.Stream<Path> files = Files.walk(home)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(home.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        for (Map.Entry<String, String> file : etcFiles.entrySet()) {
            Files.writeString(target.resolve("etc").resolve(file.getKey()), file.getValue());
        }
        return target;
    }

    /** The first administrator's password of the distribution tests. */
    static final String ADMIN_PASSWORD = "distribution-admin-1";

    /**
     * The environment of a run with its data in {@code data}. Under another convention profile
     * ({@code -Dit.profile=att}) the configuration folder is {@code <data>-etc} (SECRETARIAT_ETC) holding
     * that profile, as an administrator would set it up; the launcher copies the other default files in.
     */
    static Map<String, String> environment(Path data, int port) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SECRETARIAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("SECRETARIAT_DATA", data.toString());
        environment.put("SECRETARIAT_PORT", Integer.toString(port));
        environment.put("SECRETARIAT_HOST", "127.0.0.1");
        // The class-data sharing archive is written when a first run stops: seconds of CPU per test run for
        // a start-up gain no test measures. DistributionIT turns it on and checks that a restart maps it.
        environment.put("SECRETARIAT_CDS", "off");
        environment.putAll(PostgresServer.environmentFor(data));
        if (!System.getProperty(PlatformOptions.PROFILE, "").isBlank()) {
            Path etc = data.resolveSibling(data.getFileName() + "-etc");
            try {
                PlatformOptions.useProfile(etc);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            environment.put("SECRETARIAT_ETC", etc.toString());
        }
        return environment;
    }

    /** Sends a Gogo shell command line (the process must run with SECRETARIAT_CONSOLE=stdin). */
    void console(String command) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** SIGTERM, as a service manager or Ctrl-C would; waits for the process to end and answers its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the platform did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** kill -9: the process dies where it stands, as in a power cut or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the platform did not die of SIGKILL within 30 s");
        }
    }

    /** Waits for a process that is expected to end by itself, and answers its exit code. */
    int processExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the platform was expected to refuse to start, but it kept running");
        }
        return process.exitValue();
    }

    /** The JVM's memory-mapped files: bin/secretariat execs java, so the process is the JVM. */
    String mappedFiles() throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps"));
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
