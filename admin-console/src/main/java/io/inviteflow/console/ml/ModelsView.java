package io.inviteflow.console.ml;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import io.inviteflow.console.sending.BatchJobsClient;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ML team's page for the theme recommender: retrain now (Spark runs as batch-jobs' child process), follow its
 * progress and log, compare versions side by side (NDCG, precision, MAP, coverage against the popularity and random
 * baselines, the data each was trained on), promote one — the core serves it within seconds, no restart — or roll
 * back to the one served before. The nightly retrain (Quartz, in batch-jobs) shows here as a run of its own.
 */
@Route(value = "ml", layout = MainLayout.class)
@PageTitle("Models · Inviteflow")
@RolesAllowed({"ADMIN", "ML"})
public class ModelsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int POLL_MS = 3000;

    private final ModelsClient models;
    private final String me;
    private final Paragraph serving = new Paragraph();
    private final Paragraph status = new Paragraph();
    private final Grid<ModelsClient.Run> runs = new Grid<>();
    private final Pre log = new Pre();
    private final Grid<ModelsClient.Version> versions = new Grid<>();
    private final Grid<VersionComparison.Row> comparison = new Grid<>();
    private final ComparisonChart chart = new ComparisonChart();
    private final Grid<ModelsClient.Promotion> promotions = new Grid<>();
    private final Checkbox promoteIfBetter = new Checkbox("Promote it if it beats popularity", true);
    private boolean followingRun;
    private com.vaadin.flow.shared.Registration polls;

    public ModelsView(ModelsClient models, CurrentOrganizer organizer) {
        this.models = models;
        this.me = organizer.email();
        Button retrain = new Button("Retrain now", click -> retrain());
        retrain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button rollback = new Button("Roll back", click -> rollback());
        HorizontalLayout bar = new HorizontalLayout(retrain, promoteIfBetter, rollback);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        runs.addColumn(r -> WHEN.format(r.startedAt())).setHeader("Started (UTC)").setAutoWidth(true);
        runs.addColumn(r -> r.trigger() + " · " + r.requestedBy()).setHeader("By").setAutoWidth(true);
        runs.addColumn(ModelsClient.Run::status).setHeader("Status").setAutoWidth(true);
        runs.addColumn(r -> r.running() ? r.stage() : r.message()).setHeader("Progress").setFlexGrow(3);
        runs.addColumn(r -> r.version() == null ? "" : r.version() + (r.promoted() ? " (promoted)" : ""))
                .setHeader("Version").setAutoWidth(true);
        runs.setAllRowsVisible(true);
        runs.addSelectionListener(e -> showLog());
        log.getStyle().set("max-height", "320px").set("overflow", "auto").set("font-size", "var(--lumo-font-size-xs)")
                .set("white-space", "pre-wrap");
        log.setVisible(false);

        versions.setSelectionMode(Grid.SelectionMode.MULTI);
        versions.addColumn(v -> v.version() + (v.current() ? " (serving)" : "")).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> WHEN.format(v.trainedAt())).setHeader("Trained (UTC)").setAutoWidth(true);
        // a hand-made or older manifest may lack figures: a dash, like the comparison
        versions.addColumn(v -> v.metrics() == null || v.metrics().als() == null ? "–"
                : VersionComparison.ratio(v.metrics().als().ndcg())).setHeader("NDCG ALS");
        versions.addColumn(v -> v.metrics() == null || v.metrics().popularity() == null ? "–"
                : VersionComparison.ratio(v.metrics().popularity().ndcg())).setHeader("NDCG popularity");
        versions.addColumn(v -> v.data() == null ? "–" : String.format(Locale.ROOT, "%,d", v.data().interactions()))
                .setHeader("Interactions");
        versions.addColumn(ModelsClient.Version::codeVersion).setHeader("Commit").setAutoWidth(true);
        versions.addComponentColumn(this::promoteButton).setAutoWidth(true).setFlexGrow(0);
        versions.setAllRowsVisible(true);
        versions.addSelectionListener(e -> compare(e.getAllSelectedItems()));

        comparison.setAllRowsVisible(true);
        comparison.setVisible(false);
        chart.setVisible(false);

        promotions.addColumn(p -> WHEN.format(p.at())).setHeader("When (UTC)").setAutoWidth(true);
        promotions.addColumn(ModelsClient.Promotion::action).setHeader("What").setAutoWidth(true);
        promotions.addColumn(p -> p.version() + (p.previous() == null ? "" : " (was " + p.previous() + ")"))
                .setHeader("Version");
        promotions.addColumn(ModelsClient.Promotion::by).setHeader("By");
        promotions.setAllRowsVisible(true);

        add(new H2("Theme recommender"), serving, bar, status, new H3("Retrains"), runs, log,
                new H3("Versions"), new Paragraph("Tick two or more to compare them side by side."), versions,
                chart, comparison, new H3("Promotions"), promotions);
        refresh(true);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polls = event.getUI().addPollListener(e -> {
            if (followingRun) {
                refresh(false);
            }
        });
        // a retrain already going when the page opened is followed from the start
        event.getUI().setPollInterval(followingRun ? POLL_MS : -1);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polls != null) {
            polls.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void retrain() {
        try {
            ModelsClient.Run run = models.retrain(me, promoteIfBetter.getValue());
            status.setText("Retrain started: " + run.id() + ". Progress and log follow below.");
        } catch (BatchJobsClient.Failed e) {
            status.setText("Not started: " + e.getMessage());
        }
        refresh(false);
    }

    private void rollback() {
        try {
            ModelsClient.Version back = models.rollback(me);
            status.setText("Rolled back: the core serves " + back.version() + " again within seconds.");
        } catch (BatchJobsClient.Failed e) {
            status.setText("Not rolled back: " + e.getMessage());
        }
        refresh(true);
    }

    private Button promoteButton(ModelsClient.Version version) {
        Button button = new Button("Promote", click -> {
            try {
                models.promote(version.version(), me);
                status.setText(version.version() + " promoted: the core serves it within seconds.");
            } catch (BatchJobsClient.Failed e) {
                status.setText("Not promoted: " + e.getMessage());
            }
            refresh(true);
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setEnabled(!version.current() && version.promotable());
        if (!version.promotable()) {
            button.setTooltipText("It does not beat popularity on its held-out data");
        }
        return button;
    }

    private void compare(Set<ModelsClient.Version> selected) {
        List<ModelsClient.Version> chosen = selected.stream()
                .sorted(java.util.Comparator.comparing(ModelsClient.Version::trainedAt)).toList();
        boolean show = chosen.size() >= 2;
        comparison.setVisible(show);
        chart.setVisible(show);
        if (!show) {
            return;
        }
        comparison.removeAllColumns();
        comparison.addColumn(VersionComparison.Row::figure).setHeader("").setAutoWidth(true);
        for (int i = 0; i < chosen.size(); i++) {
            int column = i;
            comparison.addColumn(r -> r.values().get(column)).setHeader(chosen.get(i).version()).setAutoWidth(true);
        }
        comparison.setItems(VersionComparison.of(chosen));
        chart.show(chosen);
    }

    private void showLog() {
        ModelsClient.Run run = runs.asSingleSelect().getValue();
        log.setVisible(run != null);
        if (run != null) {
            try {
                log.setText(String.join("\n", models.log(run.id(), 200)));
            } catch (BatchJobsClient.Failed e) {
                log.setText("The log cannot be shown now: " + e.getMessage());
            }
        }
    }

    /** The runs; the versions too when asked or when the run followed has just ended (it may have promoted). */
    private void refresh(boolean versionsToo) {
        try {
            List<ModelsClient.Run> recent = models.retrains(10);
            boolean wasFollowing = followingRun;
            followingRun = recent.stream().anyMatch(ModelsClient.Run::running);
            getUI().ifPresent(ui -> ui.setPollInterval(followingRun ? POLL_MS : -1));
            ModelsClient.Run selected = runs.asSingleSelect().getValue();
            runs.setItems(recent);
            recent.stream().filter(r -> selected != null ? r.id().equals(selected.id()) : r.running()).findFirst()
                    .ifPresent(runs::select);
            if (versionsToo || wasFollowing && !followingRun) {
                showVersions();
            }
            showLog();
        } catch (BatchJobsClient.Failed e) {
            status.setText("The models cannot be shown now: " + e.getMessage());
        }
    }

    private void showVersions() {
        List<ModelsClient.Version> all = models.versions();
        versions.setItems(all);
        serving.setText(all.stream().filter(ModelsClient.Version::current).findFirst()
                .map(v -> "The core serves " + v.version() + ", trained " + WHEN.format(v.trainedAt()) + " UTC"
                        + (v.data() == null ? "." : " on " + String.format(Locale.ROOT, "%,d", v.data().interactions())
                        + " interactions."))
                .orElse("No version is promoted: organizers get the popular themes, or the catalogue's order."));
        promotions.setItems(models.promotions());
    }
}
