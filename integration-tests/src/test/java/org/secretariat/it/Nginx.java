package org.secretariat.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx from Debian's package as the load balancer in front of platform nodes: round robin, a node
 * that refuses or fails taken out for a few seconds, idempotent requests passed to the next node, as
 * docs/operations.md configures it. Runs in the foreground in its own folder, on a free port.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx start(Path folder, List<Integer> nodePorts) throws IOException, InterruptedException {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("the cluster test needs nginx (Debian package nginx): " + binary + " is missing; .ci/run installs it");
        }
        Files.createDirectories(folder.resolve("logs"));
        int port = PlatformOptions.freePort();
        String servers = nodePorts.stream().map(node -> "    server 127.0.0.1:" + node + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        // As root the workers would run as nobody, who cannot write the temporary folders made here.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String configuration = user + "worker_processes 1;\n"
                + "error_log " + folder.resolve("logs/error.log") + " warn;\n"
                + "pid " + folder.resolve("nginx.pid") + ";\n"
                + "events { worker_connections 512; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  client_body_temp_path " + folder.resolve("body") + ";\n"
                + "  proxy_temp_path " + folder.resolve("proxy") + ";\n"
                + "  upstream secretariat {\n" + servers + "\n    keepalive 32;\n  }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    client_max_body_size 30m;\n"
                + "    location / {\n"
                + "      proxy_pass http://secretariat;\n"
                + "      proxy_http_version 1.1;\n"
                + "      proxy_set_header Connection \"\";\n"
                + "      proxy_set_header Host $host;\n"
                + "      proxy_next_upstream error timeout http_502 http_503;\n"
                + "      proxy_connect_timeout 2s;\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
        Path file = folder.resolve("nginx.conf");
        Files.writeString(file, configuration, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(binary.toString(), "-p", folder.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(folder.resolve("logs/console.log").toFile()).start();
        Nginx nginx = new Nginx(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(folder.resolve("logs/console.log")));
                }
                Thread.sleep(100);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
