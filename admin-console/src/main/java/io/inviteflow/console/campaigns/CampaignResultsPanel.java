package io.inviteflow.console.campaigns;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.inviteflow.console.core.CoreCampaigns;
import io.inviteflow.console.live.LivePolling;
import org.springframework.scheduling.TaskScheduler;

import java.time.Duration;

/**
 * One campaign's results, live while it is shown: how far the sending is, and how many of those it reached opened,
 * clicked, answered or unsubscribed. Read from the core on the console's shared poller, pushed to the page.
 */
class CampaignResultsPanel extends VerticalLayout {

    private static final Duration EVERY = Duration.ofSeconds(3);

    private final CoreCampaigns campaigns;
    private final LivePolling polling;
    private final H3 title = new H3();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph sending = new Paragraph();
    private final Paragraph reading = new Paragraph();
    private final Paragraph versions = new Paragraph();
    private CoreCampaigns.Campaign shown;
    private String token;

    CampaignResultsPanel(CoreCampaigns campaigns, TaskScheduler poller) {
        this.campaigns = campaigns;
        this.polling = new LivePolling(poller, EVERY);
        setPadding(false);
        add(title, progress, sending, reading, versions);
        setVisible(false);
    }

    /** Shows this campaign's results from now on (null: none); the token is the organizer's, read on their thread. */
    void show(CoreCampaigns.Campaign campaign, String organizerToken) {
        this.shown = campaign;
        this.token = organizerToken;
        setVisible(campaign != null);
        if (campaign != null) {
            title.setText("Results of " + campaign.name());
            getUI().ifPresent(this::startPolling);
        } else {
            stopPolling();
        }
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
        if (shown == null) {
            polling.stop();
            return;
        }
        CoreCampaigns.Campaign campaign = shown;
        String organizerToken = token;
        polling.start(ui, () -> campaigns.results(organizerToken, campaign.id()), this::render,
                failure -> reading.setText("Results cannot be read now: " + failure.getMessage()));
    }

    private void stopPolling() {
        polling.stop();
    }

    void render(CoreCampaigns.Results r) {
        if (r.audience() == 0) {
            progress.setVisible(false);
            sending.setText("Not going out yet: its audience is fixed when it starts.");
            reading.setText("");
            versions.setText("");
            return;
        }
        progress.setVisible(true);
        progress.setValue(Math.min(1.0, (double) r.sent() / r.audience()));
        sending.setText("Reached " + r.sent() + " of " + r.audience() + " people.");
        reading.setText("Opened " + share(r.opened(), r.sent()) + " · clicked " + share(r.clicked(), r.sent())
                + " · answered since " + share(r.answered(), r.sent()) + " · unsubscribed "
                + share(r.unsubscribed(), r.sent()) + (r.bounced() == 0 ? "" : " · bounced " + share(r.bounced(),
                r.sent())) + " (opens count mails shown with images or links followed).");
        StringBuilder byVersion = new StringBuilder();
        for (CoreCampaigns.Variant v : r.variants()) {
            byVersion.append(byVersion.isEmpty() ? "" : " — ").append("Version ").append(v.variant())
                    .append(": reached ").append(v.sent()).append(", opened ").append(share(v.opened(), v.sent()))
                    .append(", clicked ").append(share(v.clicked(), v.sent())).append(", answered ")
                    .append(share(v.answered(), v.sent()));
        }
        versions.setText(byVersion.toString());
    }

    private static String share(long part, long whole) {
        return whole == 0 ? String.valueOf(part) : "%d (%.1f %%)".formatted(part, 100.0 * part / whole);
    }
}
