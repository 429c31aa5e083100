package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the running stack through its public APIs and writes a markdown report.
 *
 * <ol>
 *   <li><b>Warm-up</b>: 30 s at saturation, then until the pipeline has counted all of it; not reported.</li>
 *   <li><b>Fixed rate</b>: RSVPs at {@code --rate} per second for {@code --seconds}, open loop; latency is counted
 *       from when a request was due, so a stalled server cannot hide its queueing (no coordinated omission).</li>
 *   <li><b>Saturation</b>: {@code --clients} clients answer back to back for {@code --seconds}: the most RSVPs per
 *       second the core accepts here.</li>
 *   <li><b>Freshness</b>: {@code --freshness-rsvps} YES answers to a fresh event, a few per second, while the
 *       console's engagement API is polled every 50 ms: the time from an answer being accepted to it being counted.</li>
 * </ol>
 * Arguments: {@code --core}, {@code --console}, {@code --rate} (500), {@code --seconds} (30), {@code --clients} (32),
 * {@code --freshness-rsvps} (200), {@code --out} (docs/benchmarks.md), {@code --command} (how the run was started,
 * for the report).
 */
public final class Benchmark {

    private final CoreClient client;
    private final URI console;

    private Benchmark(CoreClient client, URI console) {
        this.client = client;
        this.console = console;
    }

    record Load(long sent, long accepted, long refused, double seconds, Histogram latencyMicros) {
        double perSecond() {
            return accepted / seconds;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        var client = new CoreClient(URI.create(args.get("core", "http://127.0.0.1:8081")));
        client.signUpOrIn("bench-" + UUID.randomUUID() + "@example.org", "benchmark-password", "Benchmark",
                GreenMailLinks.api(args));
        var bench = new Benchmark(client, URI.create(args.get("console", "http://127.0.0.1:8080")));
        int rate = args.getInt("rate", 500);
        int seconds = args.getInt("seconds", 30);
        int clients = args.getInt("clients", 32);

        System.out.println("warm-up…");
        bench.warmUp(clients);
        System.out.printf("fixed rate %d/s for %d s…%n", rate, seconds);
        Load fixed = bench.fixedRate(bench.invitations(rate * seconds + 1_000), rate, seconds);
        System.out.printf("saturation, %d clients for %d s…%n", clients, seconds);
        Load saturated = bench.saturate(bench.invitations(3_000 * seconds), clients, seconds);
        System.out.println("freshness…");
        Histogram freshness = bench.freshness(args.getInt("freshness-rsvps", 200));

        String report = new BenchmarkReport(args.get("command", "./inviteflow bench"), rate, seconds, clients)
                .render(fixed, saturated, freshness);
        Path out = Path.of(args.get("out", "docs/benchmarks.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /**
     * A freshly started stack runs interpreted code for a while, and the Flink job then lags behind the core and
     * takes the CPU the core needs. Warm up at saturation for 30 s, then wait until the pipeline has counted every
     * warm-up answer, so the measured phases see the stack as it runs in production.
     */
    private void warmUp(int clients) throws InterruptedException {
        String eventId = newEvent("Warm-up");
        Load warm = saturate(invite(eventId, 40_000), clients, 30);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && client.engagement(console, eventId).get("yes").asLong() < warm.accepted()) {
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private String newEvent(String title) {
        ObjectNode event = CoreClient.JSON.createObjectNode().put("title", title + " " + UUID.randomUUID())
                .put("startsAt", OffsetDateTime.now().plusDays(30).toString()).put("timeZone", "UTC");
        return client.createEvent(event);
    }

    /** A fresh event with {@code n} invitations; returns their tokens. */
    private List<String> invitations(int n) {
        return invite(newEvent("Benchmark"), n);
    }

    private List<String> invite(String eventId, int n) {
        List<String> tokens = new ArrayList<>(n);
        while (tokens.size() < n) {
            List<String[]> guests = new ArrayList<>();
            for (int i = 0; i < Math.min(5_000, n - tokens.size()); i++) {
                guests.add(new String[]{"Guest " + (tokens.size() + i), null});
            }
            client.invite(eventId, guests).forEach(inv -> tokens.add(inv.token()));
        }
        return tokens;
    }

    private Load fixedRate(List<String> tokens, int rate, int seconds) throws InterruptedException {
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        int total = rate * seconds;
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            client.answerAsync(tokens.get(i), "YES", 0).thenAccept(code -> {
                record(latency, due, code, accepted, refused);
                done.countDown();
            });
        }
        done.await(5, TimeUnit.MINUTES);
        return new Load(total, accepted.get(), refused.get(), (System.nanoTime() - start) / 1e9, latency);
    }

    private Load saturate(List<String> tokens, int clients, int seconds) throws InterruptedException {
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while (System.nanoTime() < end && (i = next.getAndIncrement()) < tokens.size()) {
                    long sentAt = System.nanoTime();
                    record(latency, sentAt, client.answer(tokens.get(i), "YES", 0).code(), accepted, refused);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Load(next.get(), accepted.get(), refused.get(), (System.nanoTime() - start) / 1e9, latency);
    }

    private Histogram freshness(int n) throws InterruptedException {
        String eventId = newEvent("Freshness");
        List<String> tokens = invite(eventId, n);
        long[] acceptedAt = new long[n + 1];
        long[] visibleAt = new long[n + 1];
        AtomicInteger visible = new AtomicInteger();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            try {
                long now = System.nanoTime();
                int yes = client.engagement(console, eventId).get("yes").asInt();
                for (int i = visible.get() + 1; i <= Math.min(yes, n); i++) {
                    visibleAt[i] = now;
                }
                visible.accumulateAndGet(yes, Math::max);
            } catch (RuntimeException e) {
                System.err.println("engagement poll failed: " + e.getMessage());
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        for (int i = 1; i <= n; i++) {
            if (client.answer(tokens.get(i - 1), "YES", 0).code() != 200) {
                throw new IllegalStateException("answer refused during the freshness run");
            }
            acceptedAt[i] = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (visible.get() < n && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        poller.shutdownNow();
        Histogram freshness = new Histogram(120_000_000L, 3);
        for (int i = 1; i <= n; i++) {
            if (visibleAt[i] == 0) {
                throw new IllegalStateException("answer " + i + " never became visible (" + visible.get() + "/" + n + ")");
            }
            // the i-th YES is counted once the count reaches i; the poll that saw it can precede the client's return
            freshness.recordValue(Math.max(0, (visibleAt[i] - acceptedAt[i]) / 1_000));
        }
        return freshness;
    }

    private static void record(Histogram h, long startNanos, int code, AtomicLong ok, AtomicLong refused) {
        long micros = (System.nanoTime() - startNanos) / 1_000;
        synchronized (h) {
            h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
        }
        (code == 200 ? ok : refused).incrementAndGet();
    }
}
