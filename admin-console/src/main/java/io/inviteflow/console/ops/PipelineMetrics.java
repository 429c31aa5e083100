package io.inviteflow.console.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Reads the pipeline every {@code inviteflow.pipeline.refresh-interval} and publishes it as Micrometer gauges
 * ({@code /actuator/prometheus}): {@code inviteflow_pipeline_consumer_lag} (activities), {@code
 * inviteflow_pipeline_ingest_lag_seconds}, {@code inviteflow_pipeline_checkpoint_age_seconds}, {@code
 * inviteflow_pipeline_failed_checkpoints} and {@code inviteflow_pipeline_job_running} (1 or 0). A figure that could
 * not be read is NaN, so an alert on "absent or NaN" catches a part that is down.
 */
@Component
class PipelineMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PipelineMetrics.class);
    private final PipelineProbe probe;
    private final TaskScheduler scheduler;
    private final PipelineProperties properties;
    private volatile ScheduledFuture<?> refreshing;

    PipelineMetrics(PipelineProbe probe, MeterRegistry registry, @Qualifier("livePoller") TaskScheduler scheduler,
                    PipelineProperties properties) {
        this.probe = probe;
        this.scheduler = scheduler;
        this.properties = properties;
        gauge(registry, "inviteflow.pipeline.consumer.lag", "activities the engagement job has not committed",
                s -> s.consumerLag() == null ? null : s.consumerLag().doubleValue());
        gauge(registry, "inviteflow.pipeline.ingest.lag.seconds", "newest record on Kafka vs newest in ClickHouse",
                PipelineStatus::ingestLagSeconds);
        gauge(registry, "inviteflow.pipeline.checkpoint.age.seconds", "since the job's newest completed checkpoint",
                PipelineStatus::checkpointAgeSeconds);
        gauge(registry, "inviteflow.pipeline.failed.checkpoints", "checkpoints failed since the job started",
                s -> s.job() == null ? null : (double) s.job().failedCheckpoints());
        gauge(registry, "inviteflow.pipeline.job.running", "1 while Flink reports the job RUNNING",
                s -> s.job() == null ? null : "RUNNING".equals(s.job().state()) ? 1.0 : 0.0);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       Function<PipelineStatus, Double> figure) {
        Gauge.builder(name, probe, p -> {
            Double value = figure.apply(p.latest());
            return value == null ? Double.NaN : value;
        }).description(description).register(registry);
    }

    @Override
    public void start() {
        refreshing = scheduler.scheduleWithFixedDelay(() -> {
            PipelineStatus s = probe.refresh();
            if (!s.problems().isEmpty()) {
                log.debug("pipeline parts not readable: {}", s.problems());
            }
        }, properties.refreshInterval());
    }

    @Override
    public void stop() {
        ScheduledFuture<?> r = refreshing;
        if (r != null) {
            r.cancel(false);
        }
    }

    @Override
    public boolean isRunning() {
        return refreshing != null && !refreshing.isCancelled();
    }
}
