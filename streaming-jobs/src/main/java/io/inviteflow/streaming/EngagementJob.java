package io.inviteflow.streaming;

import io.inviteflow.streaming.functions.Keys;
import io.inviteflow.streaming.functions.OccurredAtAssigner;
import io.inviteflow.streaming.functions.ToActivityLogRow;
import io.inviteflow.streaming.functions.WithoutPayload;
import io.inviteflow.streaming.records.ActivityDeserializer;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.spikes.OpensSpikeDetector;
import io.inviteflow.streaming.spikes.SpikeRule;
import io.inviteflow.streaming.state.KeyText;
import io.inviteflow.streaming.totals.AggregateCountersFunction;
import io.inviteflow.streaming.totals.ChangeCombiner;
import io.inviteflow.streaming.totals.CounterChanges;
import io.inviteflow.streaming.totals.CounterTotalsFunction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Live engagement of party events, from the activity topic to ClickHouse:
 * <ol>
 *   <li>{@code engagement_totals}: every counter of the metrics — funnels of events and campaigns, answers, times to
 *   open and answer, opens and answers per minute and by hour of the week, sales, social, themes — per event, campaign
 *   and organizer (keyBy aggregate → {@link AggregateCountersFunction}, keyBy scope → {@link CounterTotalsFunction});</li>
 *   <li>{@code activity_log}: every activity, raw;</li>
 *   <li>{@code OPENS_SPIKE} activities back on the activity topic when an event gets far more opens in a minute than
 *   it usually does (keyBy party event → {@link OpensSpikeDetector}, event-time timers).</li>
 * </ol>
 * This class only wires: the caller hands in the {@link Source} and the {@link EngagementSinks}; {@link #main} builds
 * the real Kafka source and ClickHouse sinks.
 *
 * <h2>Arguments of {@code main}</h2> (all {@code --name value}, all optional)
 * <dl>
 *   <dt>{@code --bootstrap} (127.0.0.1:9092)</dt><dd>Kafka bootstrap servers.</dd>
 *   <dt>{@code --topic} (inviteflow.activity.v1)</dt><dd>the activity topic ({@code Topics.ACTIVITY}).</dd>
 *   <dt>{@code --group} (inviteflow-engagement-totals)</dt><dd>Kafka consumer group. Offsets are committed to it at
 *   every completed checkpoint, for monitoring the lag only: a start without a checkpoint always reads from the
 *   earliest offset, because counters rebuilt from empty state must see every activity (a replay is safe: the
 *   tables are idempotent).</dd>
 *   <dt>{@code --clickhouse-url} (http://127.0.0.1:8123)</dt><dd>ClickHouse HTTP interface.</dd>
 *   <dt>{@code --clickhouse-database} (inviteflow)</dt><dd>database of the two tables; database and tables are
 *   created if missing.</dd>
 *   <dt>{@code --checkpoint-dir} (file:///tmp/inviteflow-flink-checkpoints-totals)</dt><dd>where checkpoints go; they are
 *   retained when the job is cancelled or the process dies.</dd>
 *   <dt>{@code --checkpoint-interval-ms} (30000)</dt><dd>checkpoint interval; also the longest time until consumed
 *   offsets are committed to the group.</dd>
 *   <dt>{@code --parallelism} (1)</dt><dd>parallelism of every operator.</dd>
 *   <dt>{@code --resume} (auto)</dt><dd>{@code auto}: resume from the newest {@code chk-N/_metadata} found under a
 *   local {@code --checkpoint-dir} (sets {@code execution.state-recovery.path}, claim mode CLAIM so the old
 *   checkpoint is cleaned up once subsumed); {@code none}: start with empty state; any other value: the checkpoint
 *   or savepoint path to resume from.</dd>
 *   <dt>{@code --out-of-orderness-ms} (5000)</dt><dd>bounded out-of-orderness of the event-time watermarks.</dd>
 *   <dt>{@code --idle-timeout-ms} (10000)</dt><dd>a Kafka partition silent this long no longer holds back the
 *   watermark.</dd>
 *   <dt>{@code --spike-factor} (5), {@code --spike-min-opens} (20)</dt><dd>a minute with at least this many opens
 *   and this many times the event's usual rate is a spike ({@link SpikeRule}).</dd>
 *   <dt>{@code --rest-port} (0)</dt><dd>port of the local MiniCluster's REST API (job state, checkpoints; read by the
 *   console's pipeline page); 0 picks any free port. Ignored under {@code flink run}.</dd>
 *   <dt>{@code --batch-size} (20000)</dt><dd>rows per ClickHouse insert at most.</dd>
 *   <dt>{@code --flush-interval-ms} (300)</dt><dd>the longest a row waits before it is inserted.</dd>
 * </dl>
 * {@code main} first waits until the topic exists (the core creates it).
 * Skipped input is counted in the source metrics {@value ActivityDeserializer#MALFORMED_METRIC} and
 * {@value ActivityDeserializer#UNKNOWN_TYPE_METRIC}; activities behind the watermark in
 * {@value AggregateCountersFunction#LATE_METRIC} (they are counted all the same), opens too late for the spike
 * detector in {@value OpensSpikeDetector#TOO_LATE_METRIC}.
 */
public final class EngagementJob {

    public static final String JOB_NAME = "inviteflow-engagement";
    /** How long counter changes are added up before they are sent on (part of the figures' freshness). */
    static final long COMBINE_INTERVAL_MS = 100;
    static final int COMBINE_MAX_COUNTERS = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(EngagementJob.class);

    private final Source<ActivityEvent, ?, ?> source;
    private final EngagementSinks sinks;
    private final EventTimeSettings time;
    private final SpikeRule spikeRule;

    public EngagementJob(Source<ActivityEvent, ?, ?> source, EngagementSinks sinks, EventTimeSettings time,
                         SpikeRule spikeRule) {
        this.source = source;
        this.sinks = sinks;
        this.time = time;
        this.spikeRule = spikeRule;
    }

    public static void main(String[] args) throws Exception {
        JobArguments a = JobArguments.parse(args);
        KafkaTopicWait.awaitTopic(a.bootstrap(), a.topic());
        Optional<String> resumeFrom = CheckpointResume.choose(a.resume(), a.checkpointDir());
        resumeFrom.ifPresentOrElse(path -> LOG.info("resuming from checkpoint {}", path),
                () -> LOG.info("no checkpoint to resume from: recomputing every figure from the earliest offset"));
        Configuration conf = flinkConfiguration(a, resumeFrom);
        if (StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment) {
            onLoopback(conf, a.restPort()); // java -jar: a MiniCluster here; under `flink run` the cluster's settings rule
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        new EngagementJob(kafkaSource(a).build(),
                EngagementSinks.of(a.clickHouse(), a.batchSize(), a.flushInterval(), a.bootstrap(), a.topic()),
                a.eventTime(), a.spikeRule())
                .wire(env);
        LOG.info("running {}: topic {} on {} (group {}) -> ClickHouse {} database {}, checkpoints in {} every {}",
                JOB_NAME, a.topic(), a.bootstrap(), a.group(), a.clickHouseUrl(), a.clickHouseDatabase(),
                a.checkpointDir(), a.checkpointInterval());
        env.execute(JOB_NAME);
    }

    /** The real source; a builder so tests can make it bounded. */
    public static KafkaSourceBuilder<ActivityEvent> kafkaSource(JobArguments a) {
        return KafkaSource.<ActivityEvent>builder()
                .setBootstrapServers(a.bootstrap())
                .setTopics(a.topic())
                .setGroupId(a.group())
                .setClientIdPrefix(a.group())
                // Empty state must see every activity: starting at the group's offsets would restart each counter's
                // version at 1 over part of its changes, and the table would keep a wrong row. A restored job reads on
                // from its checkpoint's offsets; this only applies to splits it has never seen.
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ActivityDeserializer())
                .setProperty("partition.discovery.interval.ms", "60000");
    }

    /** Checkpointing, retention, recovery and type-safety settings of a run. */
    public static Configuration flinkConfiguration(JobArguments a, Optional<String> resumeFrom) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, a.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, a.checkpointDir());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, a.parallelism());
        // every type must have a Flink serializer: a Kryo fallback would make state fragile across versions
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // chained operators hand records on without copying them: no function here changes its input
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        resumeFrom.ifPresent(path -> {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
            conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        });
        return conf;
    }

    /** Keeps the local MiniCluster's RPC, blob, data and REST ports on 127.0.0.1, like every other local server. */
    static void onLoopback(Configuration conf, int restPort) {
        if (restPort > 0) {
            conf.set(RestOptions.BIND_PORT, String.valueOf(restPort));
            conf.set(RestOptions.PORT, restPort);
        }
        conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(TaskManagerOptions.HOST, "127.0.0.1");
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
    }

    /** Adds the job's operators to {@code env}. */
    public void wire(StreamExecutionEnvironment env) {
        DataStream<ActivityEvent> activities = env.fromSource(source, watermarks(time), "activities")
                .uid("activity-source");

        activities.map(new ToActivityLogRow()).name("activity-log-rows").uid("activity-log-rows")
                .sinkTo(sinks.activityLog()).name("activity_log").uid("activity-log-sink");

        SingleOutputStreamOperator<CounterChanges> changes = activities
                .map(new WithoutPayload()).name("without-payload").uid("without-payload")
                .keyBy(new Keys.Aggregate(), KeyText.TYPE)
                .process(new AggregateCountersFunction()).name("aggregate-counters").uid("aggregate-counters");
        changes.transform("combine-changes", TypeInformation.of(CounterChanges.class),
                        new ChangeCombiner(COMBINE_INTERVAL_MS, COMBINE_MAX_COUNTERS)).uid("combine-changes")
                .keyBy(new Keys.Scope(), KeyText.TYPE)
                .process(new CounterTotalsFunction()).name("counter-totals").uid("counter-totals")
                .sinkTo(sinks.totals()).name("engagement_totals").uid("engagement-totals-sink");

        changes.getSideOutput(AggregateCountersFunction.OPENS)
                .keyBy(new Keys.PartyEvent(), KeyText.TYPE)
                .process(new OpensSpikeDetector(spikeRule)).name("opens-spikes").uid("opens-spikes")
                .sinkTo(sinks.alerts()).name("opens-spike-alerts").uid("opens-spike-alerts");
    }

    /** Per Kafka partition (the source applies it per split): bounded out-of-orderness on {@code occurredAt}. */
    static WatermarkStrategy<ActivityEvent> watermarks(EventTimeSettings time) {
        return WatermarkStrategy.<ActivityEvent>forBoundedOutOfOrderness(time.outOfOrderness())
                .withTimestampAssigner(new OccurredAtAssigner())
                .withIdleness(time.idleTimeout());
    }
}
