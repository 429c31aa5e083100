package io.inviteflow.console.ops;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.live.LivePolling;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;

/** For admins: the streaming pipeline's health (the figures {@link PipelineMetrics} also publishes), read every 5 s. */
@Route(value = "pipeline", layout = MainLayout.class)
@PageTitle("Pipeline · Inviteflow")
@RolesAllowed("ADMIN")
public class PipelineView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final PipelineProbe probe;
    private final LivePolling polling;
    private final Div figures = new Div();
    private final Paragraph problems = new Paragraph();

    public PipelineView(PipelineProbe probe, @Qualifier("livePoller") TaskScheduler poller) {
        this.probe = probe;
        this.polling = new LivePolling(poller, Duration.ofSeconds(5));
        add(new H2("Streaming pipeline"), figures, problems);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        polling.start(attach.getUI(), probe::refresh, this::show, failure -> problems.setText(failure.toString()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        polling.stop();
        super.onDetach(detach);
    }

    private void show(PipelineStatus s) {
        figures.removeAll();
        line("Flink job", s.job() == null ? "unknown" : s.job().state() + " since " + TIME.format(s.job().startedAt()));
        line("Last checkpoint", s.checkpointAgeSeconds() == null ? "none yet"
                : "%.0f s ago (%s of state), %d failed".formatted(s.checkpointAgeSeconds(),
                bytes(s.job().lastCheckpointBytes()), s.job().failedCheckpoints()));
        line("Kafka consumer lag", s.consumerLag() == null ? "unknown"
                : "%,d activities (offsets are committed at each checkpoint)".formatted(s.consumerLag()));
        line("ClickHouse ingest lag", s.ingestLagSeconds() == null ? "unknown"
                : "%.1f s behind the newest record on Kafka".formatted(s.ingestLagSeconds()));
        line("Newest on Kafka / in ClickHouse", (s.newestOnKafka() == null ? "–" : TIME.format(s.newestOnKafka()))
                + " / " + (s.newestArchived() == null ? "–" : TIME.format(s.newestArchived())));
        problems.setText(s.problems().isEmpty() ? "" : "Not readable: " + String.join("; ", s.problems()));
    }

    private void line(String label, String value) {
        figures.add(new Div(label + ": " + value));
    }

    private static String bytes(Long n) {
        return n == null ? "?" : n < 1 << 20 ? "%,d KiB".formatted(n >> 10) : "%,d MiB".formatted(n >> 20);
    }
}
