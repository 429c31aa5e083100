package io.inviteflow.testsupport;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One of our service jars, started as its own process the way {@code ./inviteflow demo} starts it. */
public final class ServiceProcess implements AutoCloseable {

    /** Flink and Spark reach into JDK internals (the same list as ./inviteflow). */
    private static final List<String> JDK_OPENS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java -jar jar args…}, output to {@code logDir/name.log}.
     *
     * @param jvmOptions e.g. {@code -Xmx512m}
     */
    public static ServiceProcess start(String name, Path jar, Path logDir, List<String> jvmOptions,
                                       List<String> args) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor first (mvn verify builds it)");
        }
        return launch(name, logDir, jvmOptions, List.of("-jar", jar.toString()), args);
    }

    /**
     * Starts {@code java -cp classpath mainClass args…}, output to {@code logDir/name.log}: for servers shipped as a
     * folder of jars (see local-stack/).
     */
    public static ServiceProcess startMain(String name, String classpath, String mainClass, Path logDir,
                                           List<String> jvmOptions, List<String> args) {
        return launch(name, logDir, jvmOptions, List.of("-cp", classpath, mainClass), args);
    }

    private static ServiceProcess launch(String name, Path logDir, List<String> jvmOptions, List<String> what,
                                         List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(JDK_OPENS);
        command.addAll(what);
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new ServiceProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Polls {@code healthy} until it holds; fails early, with the log's tail, if the process dies. */
    public ServiceProcess awaitHealthy(BooleanSupplier healthy, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + log
                        + ":\n" + tail());
            }
            if (healthy.getAsBoolean()) {
                return this;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; log " + log + ":\n" + tail());
    }

    /** True when a GET of {@code url} answers 200 (a health check). */
    public static boolean httpOk(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** For a shutdown hook: the JVM is ending, no waiting. */
    public void kill() {
        process.destroyForcibly();
    }
}
