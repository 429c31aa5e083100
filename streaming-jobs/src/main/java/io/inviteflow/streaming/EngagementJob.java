package io.inviteflow.streaming;

import io.inviteflow.streaming.functions.ActivityTypeFilter;
import io.inviteflow.streaming.functions.EventTotalsFunction;
import io.inviteflow.streaming.functions.InvitationStateFunction;
import io.inviteflow.streaming.functions.Keys;
import io.inviteflow.streaming.functions.LateActivityCounter;
import io.inviteflow.streaming.functions.MinuteCountAggregate;
import io.inviteflow.streaming.functions.MinuteWindowFunction;
import io.inviteflow.streaming.functions.OccurredAtAssigner;
import io.inviteflow.streaming.functions.ToActivityLogRow;
import io.inviteflow.streaming.records.ActivityDeserializer;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.EngagementMinuteRow;
import io.inviteflow.streaming.totals.AggregateCountersFunction;
import io.inviteflow.streaming.totals.CounterTotalsFunction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Live engagement of party events, from the activity topic to ClickHouse:
 * <ol>
 *   <li>{@code event_engagement}: per party event invited / opened / yes / no / maybe / headcount, updated with every
 *   activity that changes one of them (keyBy invitation → {@link InvitationStateFunction}, keyBy party event →
 *   {@link EventTotalsFunction});</li>
 *   <li>{@code engagement_minute}: opens and answers per party event and event-time minute (tumbling windows);</li>
 *   <li>{@code engagement_totals}: every counter of the metrics — funnels of events and campaigns, answers,
 *   times to open and answer, opens and answers by hour of the week, sales, social — per event, campaign and organizer
 *   (keyBy aggregate → {@link AggregateCountersFunction}, keyBy counter → {@link CounterTotalsFunction});</li>
 *   <li>{@code activity_log}: every activity, raw.</li>
 * </ol>
 * This class only wires: the caller hands in the {@link Source} and the {@link EngagementSinks}; {@link #main} builds
 * the real Kafka source and ClickHouse sinks.
 *
 * <h2>Arguments of {@code main}</h2> (all {@code --name value}, all optional)
 * <dl>
 *   <dt>{@code --bootstrap} (127.0.0.1:9092)</dt><dd>Kafka bootstrap servers.</dd>
 *   <dt>{@code --topic} (inviteflow.activity.v1)</dt><dd>the activity topic ({@code Topics.ACTIVITY}).</dd>
 *   <dt>{@code --group} (inviteflow-engagement)</dt><dd>Kafka consumer group. Offsets are committed to it at every
 *   completed checkpoint; a start without a checkpoint reads from the group's committed offsets, else from the
 *   earliest offset (a replay is safe: all tables are idempotent).</dd>
 *   <dt>{@code --clickhouse-url} (http://127.0.0.1:8123)</dt><dd>ClickHouse HTTP interface.</dd>
 *   <dt>{@code --clickhouse-database} (inviteflow)</dt><dd>database of the three tables; database and tables are
 *   created if missing.</dd>
 *   <dt>{@code --checkpoint-dir} (file:///tmp/inviteflow-flink-checkpoints)</dt><dd>where checkpoints go; they are
 *   retained when the job is cancelled or the process dies.</dd>
 *   <dt>{@code --checkpoint-interval-ms} (10000)</dt><dd>checkpoint interval; also the longest time until consumed
 *   offsets are committed to the group.</dd>
 *   <dt>{@code --parallelism} (1)</dt><dd>parallelism of every operator.</dd>
 *   <dt>{@code --resume} (auto)</dt><dd>{@code auto}: resume from the newest {@code chk-N/_metadata} found under a
 *   local {@code --checkpoint-dir} (sets {@code execution.state-recovery.path}, claim mode CLAIM so the old
 *   checkpoint is cleaned up once subsumed); {@code none}: start with empty state; any other value: the checkpoint
 *   or savepoint path to resume from.</dd>
 *   <dt>{@code --out-of-orderness-ms} (5000)</dt><dd>bounded out-of-orderness of the event-time watermarks.</dd>
 *   <dt>{@code --idle-timeout-ms} (10000)</dt><dd>a Kafka partition silent this long no longer holds back the
 *   watermark.</dd>
 *   <dt>{@code --allowed-lateness-ms} (60000)</dt><dd>how long a closed minute still takes late activities; later ones
 *   are counted in the metric {@value LateActivityCounter#METRIC}.</dd>
 *   <dt>{@code --batch-size} (1000)</dt><dd>rows per ClickHouse insert at most.</dd>
 *   <dt>{@code --flush-interval-ms} (300)</dt><dd>the longest a row waits before it is inserted.</dd>
 * </dl>
 * {@code main} first waits until the topic exists (the core creates it).
 * Skipped input is counted in the source metrics {@value ActivityDeserializer#MALFORMED_METRIC} and
 * {@value ActivityDeserializer#UNKNOWN_TYPE_METRIC}.
 */
public final class EngagementJob {

    public static final String JOB_NAME = "inviteflow-engagement";
    /** Activities too late for their minute window (past the allowed lateness). */
    public static final OutputTag<ActivityEvent> LATE_ACTIVITIES =
            new OutputTag<>("late-activities", TypeInformation.of(ActivityEvent.class));
    private static final Logger LOG = LoggerFactory.getLogger(EngagementJob.class);

    private final Source<ActivityEvent, ?, ?> source;
    private final EngagementSinks sinks;
    private final EventTimeSettings time;

    public EngagementJob(Source<ActivityEvent, ?, ?> source, EngagementSinks sinks, EventTimeSettings time) {
        this.source = source;
        this.sinks = sinks;
        this.time = time;
    }

    public static void main(String[] args) throws Exception {
        JobArguments a = JobArguments.parse(args);
        KafkaTopicWait.awaitTopic(a.bootstrap(), a.topic());
        Optional<String> resumeFrom = CheckpointResume.choose(a.resume(), a.checkpointDir());
        resumeFrom.ifPresentOrElse(path -> LOG.info("resuming from checkpoint {}", path),
                () -> LOG.info("no checkpoint to resume from: group {} offsets, else earliest", a.group()));
        Configuration conf = flinkConfiguration(a, resumeFrom);
        if (StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment) {
            onLoopback(conf); // java -jar: a MiniCluster in this process; under `flink run` the cluster's own settings rule
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        new EngagementJob(kafkaSource(a).build(),
                EngagementSinks.clickHouse(a.clickHouse(), a.batchSize(), a.flushInterval()), a.eventTime())
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
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
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
        resumeFrom.ifPresent(path -> {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
            conf.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        });
        return conf;
    }

    /** Keeps the local MiniCluster's RPC, blob, data and REST ports on 127.0.0.1, like every other local server. */
    static void onLoopback(Configuration conf) {
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

        activities.filter(ActivityTypeFilter.engagement()).name("engagement-activities").uid("engagement-filter")
                .keyBy(new Keys.Invitation())
                .process(new InvitationStateFunction()).name("invitation-state").uid("invitation-state")
                .keyBy(new Keys.DeltaPartyEvent())
                .process(new EventTotalsFunction()).name("event-totals").uid("event-totals")
                .sinkTo(sinks.engagement()).name("event_engagement").uid("event-engagement-sink");

        SingleOutputStreamOperator<EngagementMinuteRow> perMinute = perMinute(activities, time.allowedLateness());
        perMinute.sinkTo(sinks.minutes()).name("engagement_minute").uid("engagement-minute-sink");
        perMinute.getSideOutput(LATE_ACTIVITIES)
                .process(new LateActivityCounter()).name("late-activities").uid("late-activities")
                .sinkTo(new DiscardingSink<>()).name("late-activities-discard").uid("late-activities-discard");

        activities.keyBy(new Keys.Aggregate())
                .process(new AggregateCountersFunction()).name("aggregate-counters").uid("aggregate-counters")
                .keyBy(new Keys.DeltaCounter())
                .process(new CounterTotalsFunction()).name("counter-totals").uid("counter-totals")
                .sinkTo(sinks.totals()).name("engagement_totals").uid("engagement-totals-sink");

        activities.map(new ToActivityLogRow()).name("activity-log-rows").uid("activity-log-rows")
                .sinkTo(sinks.activityLog()).name("activity_log").uid("activity-log-sink");
    }

    /** Per-minute opens and answers; activities too late for their window go to {@link #LATE_ACTIVITIES}. */
    public static SingleOutputStreamOperator<EngagementMinuteRow> perMinute(DataStream<ActivityEvent> activities,
                                                                            Duration allowedLateness) {
        return activities.filter(ActivityTypeFilter.opensAndAnswers()).name("opens-and-answers")
                .uid("opens-and-answers-filter")
                .keyBy(new Keys.PartyEvent())
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .allowedLateness(allowedLateness)
                .sideOutputLateData(LATE_ACTIVITIES)
                .aggregate(new MinuteCountAggregate(), new MinuteWindowFunction())
                .name("minute-windows").uid("minute-windows");
    }

    /** Per Kafka partition (the source applies it per split): bounded out-of-orderness on {@code occurredAt}. */
    static WatermarkStrategy<ActivityEvent> watermarks(EventTimeSettings time) {
        return WatermarkStrategy.<ActivityEvent>forBoundedOutOfOrderness(time.outOfOrderness())
                .withTimestampAssigner(new OccurredAtAssigner())
                .withIdleness(time.idleTimeout());
    }
}
