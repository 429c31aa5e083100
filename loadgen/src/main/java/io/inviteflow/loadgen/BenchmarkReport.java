package io.inviteflow.loadgen;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders the figures of one benchmark run as docs/benchmarks.md. */
final class BenchmarkReport {

    private final String command;
    private final int rate;
    private final int seconds;
    private final int clients;

    BenchmarkReport(String command, int rate, int seconds, int clients) {
        this.command = command;
        this.rate = rate;
        this.seconds = seconds;
        this.clients = clients;
    }

    String render(Benchmark.Load fixed, Benchmark.Load saturated, Histogram freshness) {
        return String.format(Locale.ROOT, """
                # Benchmarks

                Written by `%s` on %s. Every figure below comes from that run; rerun the command to refresh it.

                Machine: %s, %d cores, %s RAM, Java %s. Load generator, core, Flink job, console, Kafka, PostgreSQL
                and ClickHouse all share this one machine, so the figures are a floor, not a ceiling.

                ## RSVPs accepted by the core (`POST /api/v1/invitations/{token}/rsvp`)

                | run | sent | accepted (200) | refused | RSVPs/s | p50 ms | p99 ms | max ms |
                |---|---:|---:|---:|---:|---:|---:|---:|
                | fixed rate %d/s for %d s (open loop, latency from the due time) | %d | %d | %d | %.0f | %.1f | %.1f | %.1f |
                | saturation, %d clients back to back for %d s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f |

                After an unreported warm-up: 30 s at saturation, then until the Flink job has counted all of it (a cold
                stack is slower: the JIT has not compiled the hot paths and the job lags). Every accepted RSVP is one
                PostgreSQL transaction (answer + outbox row), relayed to Kafka by the outbox. At a fixed rate the Flink
                job keeps up with the answers and shares the two cores with the core; at saturation it may fall behind
                and catch up afterwards, so the fixed-rate row is the one of the whole pipeline.

                ## Freshness (RSVP accepted → visible in `GET /api/v1/events/{id}/engagement`)

                | answers | p50 ms | p99 ms | max ms |
                |---:|---:|---:|---:|
                | %d | %.0f | %.0f | %.0f |

                Measured by polling the console's engagement API every 50 ms while answers arrive at ~10/s: the path is
                core → outbox relay → Kafka → Flink (per-invitation facts, counters per event) → ClickHouse → console.
                """,
                command, ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), cpuModel(),
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                rate, seconds, fixed.sent(), fixed.accepted(), fixed.refused(), fixed.perSecond(),
                ms(fixed.latencyMicros(), 50), ms(fixed.latencyMicros(), 99), fixed.latencyMicros().getMaxValue() / 1000.0,
                clients, seconds, saturated.sent(), saturated.accepted(), saturated.refused(), saturated.perSecond(),
                ms(saturated.latencyMicros(), 50), ms(saturated.latencyMicros(), 99),
                saturated.latencyMicros().getMaxValue() / 1000.0,
                freshness.getTotalCount(), ms(freshness, 50), ms(freshness, 99), freshness.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%.0f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
    }
}
