package io.inviteflow.loadgen;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The streaming pipeline against its raw ceiling, on the same machine and the same activities:
 * <ol>
 *   <li><b>Load</b>: {@code --activities} synthetic activities ({@link PipelineActivities}) on a fresh topic of 4
 *       partitions, like the activity topic.</li>
 *   <li><b>Rounds</b> ({@code --rounds}, 3; the ratio varies by several hundredths from one to the next on two shared
 *       cores, so the report gives every round and the median), each of them one path after the other:
 *       <b>raw ceiling</b>: {@link RawArchiveConsumer} copies them into an archive table; <b>pipeline</b>: the
 *       engagement job's jar ({@code --streaming-jar}, its own JVM and MiniCluster, parallelism 1, checkpoints every
 *       10 s, a third of its default, so the timed window pays for one) reads the same topic from offset 0 into a fresh
 *       database: the archive and every counter. The previous round's job is stopped first.</li>
 *   <li><b>Freshness</b>: with the last round's job still running, activities at a steady {@code --rate} per second for
 *       {@code --seconds}, and every 100 ms one probe (an invitation created in a probe event). The time from the
 *       probe's append to Kafka (the producer's ack) to its count in {@code engagement_totals}, polled every 20 ms.</li>
 *   <li><b>Dashboards</b>: {@link DashboardLoad} adds 10 million archived activities and times the console's
 *       queries.</li>
 * </ol>
 * Throughput is counted over the second half of the activities, from 50 % to 100 % of them visible in ClickHouse (the
 * pipeline: and every invitation counted in the totals): the first half warms each path up (JVM start-up, the JIT
 * compiler, which takes a third of the machine in a fresh JVM's first seconds, the job's state), so the figure is the
 * rate a long-running path keeps. Everything it created is removed afterwards.
 */
public final class PipelineBenchmark {

    private static final int PARTITIONS = 4;
    private static final int EVENTS = 2_000;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final String bootstrap;
    private final ClickHouseQueries clickHouse;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String topic = "inviteflow.bench.pipeline-" + run;
    private int restPort;
    private final String databasePrefix = "inviteflow_bench_" + run;

    private PipelineBenchmark(String bootstrap, ClickHouseQueries clickHouse) {
        this.bootstrap = bootstrap;
        this.clickHouse = clickHouse;
    }

    /** @param checkpoints completed by the job in the timed window; 0 for the raw ceiling */
    record Throughput(long activities, double seconds, long checkpoints) {
        double perSecond() {
            return activities / seconds;
        }
    }

    record Freshness(long sent, double seconds, Histogram millis) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        var bench = new PipelineBenchmark(args.get("bootstrap", "127.0.0.1:9092"),
                new ClickHouseQueries(args.get("clickhouse-url", "http://127.0.0.1:8123")));
        Path workDir = Path.of(args.get("work-dir", System.getProperty("java.io.tmpdir")));
        long wanted = args.getInt("activities", 2_000_000);
        int rounds = args.getInt("rounds", 3);
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        Process job = null;
        try {
            bench.createTopic();
            System.out.printf("loading %,d activities…%n", wanted);
            long[] loaded = bench.load(wanted);
            List<Round> measured = new java.util.ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (job != null) { // the raw ceiling runs alone, like the job, and no earlier round's merges
                    stop(job);
                    bench.clickHouse.run("DROP DATABASE IF EXISTS " + bench.database(round - 1));
                }
                System.out.printf("round %d: raw ceiling…%n", round);
                Throughput raw = bench.rawCeiling(loaded[0], round);
                System.out.printf("raw ceiling: %,.0f activities/s%n", raw.perSecond());
                System.out.printf("round %d: the Flink job…%n", round);
                job = bench.startJob(Path.of(args.get("streaming-jar", "streaming-jobs/target/inviteflow-streaming-jobs.jar")),
                        args.get("clickhouse-url", "http://127.0.0.1:8123"), workDir, args.getInt("parallelism", 1), round);
                Throughput flink = bench.pipeline(loaded[0], loaded[1], job, round);
                System.out.printf("the Flink job: %,.0f activities/s (ratio %.2f)%n", flink.perSecond(),
                        flink.perSecond() / raw.perSecond());
                measured.add(new Round(raw, flink));
            }
            int rate = args.getInt("rate", 10_000);
            int seconds = args.getInt("seconds", 30);
            System.out.printf("freshness at %,d/s for %d s…%n", rate, seconds);
            Freshness fresh = bench.freshness(rate, seconds, job, rounds);
            System.out.println("dashboards over a large archive…");
            DashboardLoad.Result dashboards = new DashboardLoad(bench.clickHouse, bench.database(rounds)).measure();
            String section = report(args.get("command", "./inviteflow bench"), loaded, measured, rate, fresh)
                    + dashboards(dashboards);
            Files.writeString(Path.of(args.get("out", "docs/benchmarks.md")), section, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.println(section);
        } finally {
            if (job != null) {
                stop(job);
            }
            bench.cleanUp(workDir, rounds);
        }
    }

    private static void stop(Process job) throws InterruptedException {
        job.destroy();
        job.waitFor();
    }

    /** Each round's database: the raw archive table and the job's tables, fresh for every round. */
    private String database(int round) {
        return databasePrefix + "_" + round;
    }

    private void createTopic() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }

    /** Sends whole invitations until {@code wanted} activities are out; returns {activities, invitations}. */
    private long[] load(long wanted) {
        var activities = new PipelineActivities(42, EVENTS, Instant.now().minus(Duration.ofHours(3)), 5, false);
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            while (sent < wanted) {
                PipelineActivities.Batch b = activities.next();
                for (byte[] value : b.values()) {
                    producer.send(new ProducerRecord<>(topic, b.key(), value));
                }
                sent += b.values().size();
            }
            producer.flush();
        }
        return new long[]{sent, activities.invitations()};
    }

    private Throughput rawCeiling(long activities, int round) throws Exception {
        clickHouse.run("CREATE DATABASE " + database(round));
        String table = database(round) + ".raw_activity_log";
        clickHouse.run("CREATE TABLE " + table + " (event_id String, type String, aggregate_type String, "
                + "aggregate_id String, party_event_id String, occurred_at DateTime, occurred_ms UInt16, "
                + "payload String) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(occurred_at) "
                + "ORDER BY (party_event_id, event_id)");
        var progress = new Progress(activities, () -> clickHouse.number("SELECT count() FROM " + table), () -> true,
                () -> 0);
        Thread watcher = daemon(progress);
        new RawArchiveConsumer().copy(bootstrap, topic, "bench-raw-" + run + "-" + round, clickHouse, table, activities);
        watcher.join(GIVE_UP_AFTER.toMillis());
        return progress.result();
    }

    private Process startJob(Path jar, String clickHouseUrl, Path workDir, int parallelism, int round)
            throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            restPort = socket.getLocalPort(); // its REST API tells how many checkpoints fell into the timed window
        }
        Path log = workDir.resolve("pipeline-benchmark-flink.log");
        // the heap ./inviteflow gives the job: room for the state of this benchmark's invitations and the collector
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        String extra = System.getenv("PIPELINE_JOB_JAVA_OPTS"); // e.g. a profiler: -XX:StartFlightRecording=…
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--bootstrap", bootstrap, "--topic", topic, "--group", "bench-flink-" + run + "-" + round,
                "--clickhouse-url", clickHouseUrl, "--clickhouse-database", database(round), "--resume", "none",
                "--parallelism", String.valueOf(parallelism), "--rest-port", String.valueOf(restPort),
                // a third of the job's default interval: the timed window (about 12 s) must pay for a checkpoint, as
                // every 30 s of a long run does
                "--checkpoint-interval-ms", "10000",
                "--checkpoint-dir", workDir.resolve("pipeline-benchmark-checkpoints-" + run + "-" + round).toUri()
                        .toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Throughput pipeline(long activities, long invitations, Process job, int round) throws Exception {
        String database = database(round);
        String invited = "SELECT sum(v) FROM (SELECT argMax(value, version) AS v FROM " + database
                + ".engagement_totals WHERE scope = 'event' AND metric = 'invited' AND dimension = '' GROUP BY scope_id)";
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (clickHouse.number("EXISTS TABLE " + database + ".activity_log") == 0
                || clickHouse.number("EXISTS TABLE " + database + ".engagement_totals") == 0) { // the job makes them
            if (!job.isAlive() || System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("the Flink job did not start: see its log");
            }
            Thread.sleep(200);
        }
        var checkpoints = new FlinkCheckpoints(restPort);
        var progress = new Progress(activities, () -> clickHouse.number("SELECT count() FROM " + database + ".activity_log"),
                () -> clickHouse.number(invited) >= invitations, checkpoints::completed);
        progress.run();
        if (!job.isAlive()) {
            throw new IllegalStateException("the Flink job died: see its log");
        }
        return progress.result();
    }

    private Freshness freshness(int rate, int seconds, Process job, int round) throws Exception {
        String database = database(round);
        var live = new PipelineActivities(7, EVENTS, Instant.now(), 0, true);
        UUID probeEvent = UUID.randomUUID();
        int probes = seconds * 10;
        AtomicLongArray ackedAt = new AtomicLongArray(probes + 1);
        Histogram millis = new Histogram(120_000, 3);
        AtomicLong seen = new AtomicLong();
        String visible = "SELECT max(value) FROM " + database + ".engagement_totals WHERE scope = 'event' AND scope_id = '"
                + probeEvent + "' AND metric = 'invited'";
        Thread poller = daemon(() -> {
            try {
                while (seen.get() < probes) {
                    long count = clickHouse.number(visible);
                    long now = System.nanoTime();
                    for (long k = seen.get() + 1; k <= Math.min(count, probes); k++) {
                        millis.recordValue(Math.max(0, (now - ackedAt.get((int) k)) / 1_000_000));
                    }
                    seen.set(Math.max(seen.get(), Math.min(count, probes)));
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long sent = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int tick = 0; tick < seconds * 100; tick++) { // 10 ms ticks: rate/100 activities each
                long due = start + tick * 10_000_000L;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                while (sent < (long) rate * (tick + 1) / 100) {
                    PipelineActivities.Batch b = live.next();
                    for (byte[] value : b.values()) {
                        producer.send(new ProducerRecord<>(topic, b.key(), value));
                    }
                    sent += b.values().size();
                }
                if (tick % 10 == 0) {
                    int k = tick / 10 + 1;
                    producer.send(new ProducerRecord<>(topic, probeEvent.toString(), live.probe(probeEvent)),
                            (meta, error) -> ackedAt.set(k, System.nanoTime()));
                }
            }
            producer.flush();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        poller.join(GIVE_UP_AFTER.toMillis());
        if (seen.get() < probes || !job.isAlive()) {
            throw new IllegalStateException("only " + seen.get() + " of " + probes + " probes became visible");
        }
        return new Freshness(sent, elapsed, millis);
    }

    /** One round: the raw ceiling, then the job, on the same activities. */
    record Round(Throughput raw, Throughput flink) {
        double ratio() {
            return flink.perSecond() / raw.perSecond();
        }
    }

    private static String report(String command, long[] loaded, List<Round> rounds, int rate, Freshness fresh) {
        Histogram h = fresh.millis();
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            table.append("| %d | %,.0f | %,.0f | %.2f | %.1f s, %d |%n".formatted(i + 1, r.raw().perSecond(),
                    r.flink().perSecond(), r.ratio(), r.flink().seconds(), r.flink().checkpoints()));
        }
        double[] ratios = rounds.stream().mapToDouble(Round::ratio).sorted().toArray();
        return """

                ## Streaming pipeline: the Flink job against its raw ceiling (`%s`)
                %,d synthetic activities of %,d invitations in %,d events (created, reminded, opened once or twice,
                answered, some answers changed) on a topic of %d partitions; `./inviteflow bench` runs this before it
                starts the stack's services (core, console, batch-jobs, the stack's own Flink job; a stack already up
                stays up beside it). Each round reads the activities from offset 0 twice, one path after the other,
                each into a fresh ClickHouse database:
                - raw ceiling: one Kafka consumer, envelope decoded, bulk inserts of 20,000 rows into an archive table;
                - the engagement job (`streaming-jobs`, own JVM, MiniCluster, parallelism 1, checkpoints every 10 s):
                  the archive and every counter of `engagement_totals`.

                Rate over the second half: from 50 %% to 100 %% of the activities visible in ClickHouse (for the job:
                and every invitation counted in `engagement_totals`); the first half warms each path up (JVM start-up,
                JIT compilation, the job's state).

                | round | raw ceiling, activities/s | the job, activities/s | ratio | the job's timed window, checkpoints in it |
                |---:|---:|---:|---:|---|
                %s
                Ratio job / raw ceiling, median of %d rounds: **%.2f** (lowest %.2f, highest %.2f). On two shared
                cores the same code varies by several hundredths from round to round, hence the rounds. Each
                checkpoint writes the whole state; the job checkpoints every 30 s by default, here every 10 s, so that
                the short window pays for at least one (a long run pays for one every 30 s: on the safe side).

                Freshness with the last round's job running: %,d activities in %.1f s (%,.0f/s; asked %,d/s), and %d
                probes (an invitation created in a probe event, one every 100 ms) from the producer's ack to their
                count in `engagement_totals` (polled every 20 ms): p50 **%d ms**, p99 **%d ms**, max %d ms.
                """.formatted(command, loaded[0], loaded[1], EVENTS, PARTITIONS, table, ratios.length,
                ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1], fresh.sent(), fresh.seconds(),
                fresh.sent() / fresh.seconds(), rate, h.getTotalCount(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), h.getMaxValue());
    }

    private static String dashboards(DashboardLoad.Result r) {
        return """

                Dashboards over a large archive: %,d activities in `activity_log` (the job's, and %,d generated by
                ClickHouse over 30 days of 2,000 more events), %,d rows in `engagement_totals`. One dashboard poll (the
                console's four queries: an event's figures, its last 120 minutes, all its counters, its opens spikes in
                the archive), 100 polls of the 20 busiest events: p50 **%d ms**, p99 **%d ms**, max %d ms. The Insights page's queries (50 events'
                funnels, an organizer's counters), 5 times: p50 %d ms, max %d ms.
                """.formatted(r.archivedRows(), DashboardLoad.GENERATED_ARCHIVE_ROWS, r.counterRows(),
                r.pollMillis().getValueAtPercentile(50), r.pollMillis().getValueAtPercentile(99),
                r.pollMillis().getMaxValue(), r.insightsMillis().getValueAtPercentile(50),
                r.insightsMillis().getMaxValue());
    }

    private void cleanUp(Path workDir, int rounds) {
        for (int round = 1; round <= rounds; round++) {
            try (var files = Files.walk(workDir.resolve("pipeline-benchmark-checkpoints-" + run + "-" + round))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // no checkpoint was written
            }
            try {
                clickHouse.run("DROP DATABASE IF EXISTS " + database(round));
            } catch (IOException | InterruptedException e) {
                System.err.println("could not drop " + database(round) + ": " + e.getMessage());
            }
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (Exception e) {
            System.err.println("could not delete " + topic + ": " + e.getMessage());
        }
    }

    private static Thread daemon(Runnable task) {
        Thread t = new Thread(task);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Polls a row count every 100 ms: when it passes half and when it is complete (and {@code done} holds). */
    private static final class Progress implements Runnable {
        interface Count {
            long get() throws IOException, InterruptedException;
        }

        interface Check {
            boolean holds() throws IOException, InterruptedException;
        }

        private final long total;
        private final Count count;
        private final Check done;
        private final Count checkpoints;
        private long halfAt;
        private long checkpointsAtHalf;
        private long checkpointsInWindow;
        private long completeAt;

        Progress(long total, Count count, Check done, Count checkpoints) {
            this.total = total;
            this.count = count;
            this.done = done;
            this.checkpoints = checkpoints;
        }

        @Override
        public void run() {
            long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            try {
                while (System.nanoTime() < giveUpAt) {
                    long rows = count.get();
                    long now = System.nanoTime();
                    if (halfAt == 0 && rows >= total / 2) {
                        halfAt = now;
                        checkpointsAtHalf = checkpoints.get();
                    }
                    if (rows >= total && done.holds()) {
                        completeAt = System.nanoTime();
                        checkpointsInWindow = checkpoints.get() - checkpointsAtHalf;
                        return;
                    }
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        Throughput result() {
            if (completeAt == 0) {
                throw new IllegalStateException("not all " + total + " activities arrived in " + GIVE_UP_AFTER);
            }
            return new Throughput(total - total / 2, (completeAt - halfAt) / 1e9, checkpointsInWindow);
        }
    }
}
