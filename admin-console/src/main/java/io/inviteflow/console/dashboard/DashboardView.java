package io.inviteflow.console.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.core.CoreGuests;
import io.inviteflow.console.engagement.Engagement;
import io.inviteflow.console.engagement.EngagementStore;
import io.inviteflow.console.engagement.EventMetrics;
import io.inviteflow.console.engagement.MetricsCsv;
import io.inviteflow.console.engagement.MinuteActivity;
import io.inviteflow.console.engagement.OpensSpike;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.live.LivePolling;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;

/**
 * Live engagement of one event. The core says whether the organizer may see it (and its title and zone); the
 * figures come from ClickHouse, polled about once a second while the view is attached and pushed to the browser
 * ({@code @Push} on the application shell). Polling runs on a shared scheduler, never on a request thread.
 */
@Route(value = "events/:" + DashboardView.ID_PARAMETER, layout = MainLayout.class)
@PageTitle("Dashboard · Inviteflow")
@PermitAll
public class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ID_PARAMETER = "id";
    private static final Logger log = LoggerFactory.getLogger(DashboardView.class);
    private static final int SPIKES_SHOWN = 3;

    private final CoreClient core;
    private final EngagementStore store;
    private final LivePolling polling;
    private final DashboardSettings settings;
    private final CurrentOrganizer organizer;

    private final H2 title = new H2();
    private final Paragraph status = new Paragraph();
    /** the headcount to expect, from the core's answer model: read when the page opens (the core, not ClickHouse) */
    private final Paragraph forecast = new Paragraph();
    private final CountersPanel counters = new CountersPanel();
    private final EngagementChart chart = new EngagementChart();
    private final InsightsPanel insights = new InsightsPanel();
    private final Anchor csv = new Anchor();

    private CoreEvent event;
    /** the event's questions, read with the event: their labels and options name the choices counted */
    private List<CoreGuests.Question> questions = List.of();
    private boolean storeFailing;

    public DashboardView(CoreClient core, EngagementStore store, @Qualifier("livePoller") TaskScheduler poller,
                         DashboardSettings settings, CurrentOrganizer organizer) {
        this.core = core;
        this.store = store;
        this.polling = new LivePolling(poller, settings.pollInterval());
        this.settings = settings;
        this.organizer = organizer;
        setSizeFull();
        csv.setText("Download every figure (CSV)");
        csv.getElement().setAttribute("download", true);
        forecast.setVisible(false);
        add(title, status, forecast, counters, chart, insights, csv);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        UUID id = enter.getRouteParameters().get(ID_PARAMETER).flatMap(DashboardView::parse).orElse(null);
        if (id == null) {
            showMissing();
            return;
        }
        try {
            event = core.event(organizer.accessToken(), id);
            questions = core.questions(organizer.accessToken(), id);
            showForecast(id);
            title.setText(event.title());
            chart.setZone(event.zone());
            status.setText("Live: updates by itself.");
            UUID eventId = event.id();
            csv.setHref(new StreamResource("event-" + eventId + "-metrics.csv", () -> new ByteArrayInputStream(
                    MetricsCsv.of(store.metrics(eventId)).getBytes(StandardCharsets.UTF_8))));
            if (isAttached()) {
                // Vaadin reuses this view when one dashboard links to another: poll the new event from now on
                getUI().ifPresent(this::startPolling);
            }
        } catch (CoreClient.NotFound e) {
            showMissing();
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            event = null;
            title.setText("Event");
            status.setText("The Inviteflow core could not be reached. Reload the page to try again.");
            counters.setVisible(false);
            chart.setVisible(false);
            insights.setVisible(false);
            csv.setVisible(false);
        }
    }

    /** A forecast the core cannot give now is left out: the dashboard's figures do not depend on it. */
    private void showForecast(UUID id) {
        java.util.Optional<String> expected;
        try {
            expected = ForecastLine.of(core.forecast(organizer.accessToken(), id));
        } catch (CoreClient.Unauthorized e) {
            throw e;
        } catch (CoreClient.CoreException e) {
            log.warn("No headcount forecast for event {}: {}", id, e.toString());
            expected = java.util.Optional.empty();
        }
        forecast.setText(expected.orElse(""));
        forecast.setVisible(expected.isPresent());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        startPolling(attach.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopPolling();
        super.onDetach(detach);
    }

    private void startPolling(UI ui) {
        if (event == null) {
            polling.stop();
            return;
        }
        UUID id = event.id();
        polling.start(ui, () -> new Reading(store.current(id), store.recentMinutes(id, settings.chartMinutes()),
                        store.metrics(id), store.spikes(id, SPIKES_SHOWN)),
                reading -> show(reading), failure -> {
                    if (!storeFailing) {
                        log.warn("Dashboard poll of event {} failed: {}", id, failure.toString());
                    }
                    showStoreFailing();
                });
    }

    private void stopPolling() {
        polling.stop();
    }

    /** One poll's read of ClickHouse. */
    private record Reading(Engagement engagement, List<MinuteActivity> minutes, EventMetrics metrics,
                           List<OpensSpike> spikes) {
    }

    private void show(Reading r) {
        storeFailing = false;
        status.setText("Live: updates by itself.");
        counters.show(DashboardFigures.of(r.engagement(), event.zone()));
        chart.setMinutes(r.minutes());
        insights.show(InsightFigures.of(r.metrics(), event.zone(), questions, r.spikes()));
    }

    private void showStoreFailing() {
        storeFailing = true;
        status.setText("Engagement figures cannot be read right now; retrying…");
    }

    private void showMissing() {
        event = null;
        title.setText("Event not found");
        status.setText("There is no such event among yours.");
        counters.setVisible(false);
        chart.setVisible(false);
        insights.setVisible(false);
        csv.setVisible(false);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
