package io.inviteflow.streaming;

import io.inviteflow.contract.Topics;
import io.inviteflow.streaming.clickhouse.ClickHouseTarget;
import io.inviteflow.streaming.spikes.SpikeRule;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of {@link EngagementJob#main}, each {@code --name value}; see the job's Javadoc for their meaning.
 * Unknown names are rejected so a typo never silently falls back to a default.
 */
public record JobArguments(
        String bootstrap,
        String topic,
        String group,
        String clickHouseUrl,
        String clickHouseDatabase,
        String checkpointDir,
        Duration checkpointInterval,
        int parallelism,
        String resume,
        Duration outOfOrderness,
        Duration idleTimeout,
        int spikeFactor,
        int spikeMinOpens,
        int batchSize,
        Duration flushInterval,
        int restPort) {

    /** The defaults: the local servers of {@code ./inviteflow}. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("bootstrap", "127.0.0.1:9092");
        d.put("topic", Topics.ACTIVITY);
        // named after the job's state layout (see the README's "When the job's operators change")
        d.put("group", "inviteflow-engagement-totals");
        d.put("clickhouse-url", "http://127.0.0.1:8123");
        d.put("clickhouse-database", "inviteflow");
        d.put("checkpoint-dir", Path.of(System.getProperty("java.io.tmpdir"), "inviteflow-flink-checkpoints-totals")
                .toAbsolutePath().toUri().toString());
        // The heap state backend writes the whole state at every checkpoint, busy or idle; freshness does not depend on
        // it (the sinks flush on their own 300 ms timer), so checkpoint seldom and leave the CPU to the traffic: in the
        // pipeline benchmark (600,000 invitations) every 10 s cost an eighth of the rate. The price: a restart replays up
        // to 30 s of activities (idempotently), and the group's committed offsets trail by as much.
        d.put("checkpoint-interval-ms", "30000");
        d.put("parallelism", "1");
        d.put("resume", "auto");
        d.put("out-of-orderness-ms", "5000");
        d.put("idle-timeout-ms", "10000");
        d.put("spike-factor", "5");
        d.put("spike-min-opens", "20");
        d.put("batch-size", "20000");
        d.put("flush-interval-ms", "300");
        // the local MiniCluster's REST API (job state, checkpoints) for the console's pipeline page; 0: any free port
        d.put("rest-port", "0");
        return Map.copyOf(d);
    }

    public static JobArguments parse(String... args) {
        Map<String, String> v = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; known: --"
                        + String.join(", --", new java.util.TreeSet<>(DEFAULTS.keySet())));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("argument " + args[i] + " needs a value");
            }
            v.put(name, args[i + 1]);
        }
        return new JobArguments(v.get("bootstrap"), v.get("topic"), v.get("group"), v.get("clickhouse-url"),
                v.get("clickhouse-database"), v.get("checkpoint-dir"), millis(v, "checkpoint-interval-ms"),
                positive(v, "parallelism"), v.get("resume"), millis(v, "out-of-orderness-ms"),
                millis(v, "idle-timeout-ms"), positive(v, "spike-factor"), positive(v, "spike-min-opens"),
                positive(v, "batch-size"),
                millis(v, "flush-interval-ms"), port(v, "rest-port"));
    }

    public ClickHouseTarget clickHouse() {
        return new ClickHouseTarget(clickHouseUrl, clickHouseDatabase);
    }

    public EventTimeSettings eventTime() {
        return new EventTimeSettings(outOfOrderness, idleTimeout);
    }

    /** The default rule with this run's factor and minimum (a factor of 1 is refused by the rule). */
    public SpikeRule spikeRule() {
        return new SpikeRule(spikeFactor, spikeMinOpens, SpikeRule.DEFAULT.warmUpMinutes(), SpikeRule.DEFAULT.alpha());
    }

    private static Duration millis(Map<String, String> v, String name) {
        return Duration.ofMillis(positive(v, name));
    }

    private static int port(Map<String, String> v, String name) {
        try {
            int n = Integer.parseInt(v.get(name));
            if (n >= 0 && n <= 65_535) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a port number (0: any free one), got " + v.get(name));
    }

    private static int positive(Map<String, String> v, String name) {
        try {
            int n = Integer.parseInt(v.get(name));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a positive integer, got " + v.get(name));
    }
}
