package io.inviteflow.console.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.sending.BatchJobsClient;
import jakarta.annotation.security.RolesAllowed;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Admins: every run of the batch jobs (reminders, campaigns, notices, refunds, ticket mails), newest first, with
 * what it read, wrote and skipped and why it failed; a failed run can be restarted — it goes on from its last
 * committed chunk and nobody gets a message twice (the delivery ledger).
 */
@Route(value = "jobs", layout = MainLayout.class)
@PageTitle("Jobs · Inviteflow")
@RolesAllowed("ADMIN")
public class JobHistoryView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss");

    private final BatchJobsClient batch;
    private final Grid<BatchJobsClient.Run> grid = new Grid<>();
    private final ComboBox<String> job = new ComboBox<>("Job");
    private final Paragraph status = new Paragraph();

    public JobHistoryView(BatchJobsClient batch) {
        this.batch = batch;
        grid.addColumn(BatchJobsClient.Run::id).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BatchJobsClient.Run::job).setHeader("Job").setAutoWidth(true);
        grid.addColumn(r -> r.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "))).setHeader("Parameters").setFlexGrow(2);
        grid.addColumn(BatchJobsClient.Run::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.startedAt() == null ? "" : WHEN.format(r.startedAt())).setHeader("Started")
                .setAutoWidth(true);
        grid.addColumn(JobHistoryView::took).setHeader("Took").setAutoWidth(true);
        grid.addColumn(r -> r.read() + " / " + r.written() + " / " + r.skipped()).setHeader("Read / written / skipped")
                .setAutoWidth(true);
        grid.addColumn(BatchJobsClient.Run::exitDescription).setHeader("Why it ended").setFlexGrow(2);
        grid.addComponentColumn(this::restart).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        job.setClearButtonVisible(true);
        job.setPlaceholder("All jobs");
        job.addValueChangeListener(e -> refresh());
        Button reload = new Button("Reload", click -> refresh());
        HorizontalLayout bar = new HorizontalLayout(job, reload);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Batch job runs"), bar, status, grid);
        refresh();
    }

    private Button restart(BatchJobsClient.Run run) {
        Button button = new Button("Restart", click -> {
            try {
                BatchJobsClient.Run again = batch.restart(run.id());
                status.setText("Run " + run.id() + " restarted as run " + again.id() + ".");
            } catch (BatchJobsClient.Failed e) {
                status.setText("Not restarted: " + e.getMessage());
            }
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setVisible(run.restartable());
        return button;
    }

    private void refresh() {
        try {
            List<BatchJobsClient.Run> runs = batch.runs(job.getValue(), 100);
            grid.setItems(runs);
            if (job.getValue() == null) {
                job.setItems(runs.stream().map(BatchJobsClient.Run::job).distinct().sorted().toList());
            }
        } catch (BatchJobsClient.Failed e) {
            status.setText("The runs cannot be shown now: " + e.getMessage());
        }
    }

    private static String took(BatchJobsClient.Run run) {
        if (run.startedAt() == null || run.endedAt() == null) {
            return run.startedAt() == null ? "" : "running";
        }
        Duration took = Duration.between(run.startedAt(), run.endedAt());
        return took.toSeconds() < 60 ? took.toMillis() / 1000.0 + " s" : took.toMinutes() + " min";
    }
}
