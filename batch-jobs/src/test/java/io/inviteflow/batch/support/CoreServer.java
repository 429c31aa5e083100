package io.inviteflow.batch.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The REAL core, started once per test JVM as a separate process from {@code ingestion/core/target/
 * inviteflow-core-exec.jar} (system property {@code inviteflow.test.core-jar}, set by Failsafe), on a free port, with
 * its own PostgreSQL schema and the test run's Kafka topic. Destroyed when the test run ends (JUnit root store), or
 * by a shutdown hook if the JVM ends first.
 */
public final class CoreServer implements ExtensionContext.Store.CloseableResource {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static CoreServer shared;

    private final Process process;
    private final int port;
    private final Path log;
    private volatile boolean healthy;

    private CoreServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the shared core if it is not running yet (does not wait for it: see {@link #awaitHealthy()}). */
    public static synchronized CoreServer shared() {
        if (shared == null) {
            shared = start(BatchIntegrationTest.RUN, BatchIntegrationTest.TOPIC);
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroyForcibly));
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Blocks until {@code /actuator/health} answers 200; fails with the log's tail if the process died. */
    public void awaitHealthy() {
        if (healthy) {
            return;
        }
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the core exited with " + process.exitValue() + "; log " + log
                        + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    healthy = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("the core did not become healthy in " + STARTUP + "; log " + log + ":\n" + tail());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        synchronized (CoreServer.class) {
            shared = null;
        }
    }

    private static CoreServer start(String run, String topic) {
        Path jar = Path.of(System.getProperty("inviteflow.test.core-jar",
                "../ingestion/core/target/inviteflow-core-exec.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the core first (mvn -pl batch-jobs -am verify)");
        }
        Path log = Path.of(System.getProperty("inviteflow.test.log-dir", "target"), "core-for-batch-" + run + ".log");
        int port = freePort();
        String schema = "core_for_batch_" + run;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + TestServers.postgresUrl() + "?currentSchema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.create-schemas=true",
                "--spring.kafka.bootstrap-servers=" + TestServers.kafkaBootstrap(),
                "--inviteflow.activity-topic=" + topic);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new CoreServer(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the core: " + command, e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the core before the Spring context (so both boot in parallel) and stops it after the last test. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(CoreServer.class, key -> shared(), CoreServer.class);
        }
    }
}
