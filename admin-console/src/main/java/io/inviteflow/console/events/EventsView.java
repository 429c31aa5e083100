package io.inviteflow.console.events;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.dashboard.DashboardView;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The signed-in organizer's events, from the core; a click opens the live dashboard, "Guests" the guest list. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Events · Inviteflow")
@PermitAll
public class EventsView extends VerticalLayout {

    private final Grid<CoreEvent> grid = new Grid<>(CoreEvent.class, false);
    private final Paragraph status = new Paragraph();

    public EventsView(CoreClient core, CurrentOrganizer organizer) {
        setSizeFull();
        configureGrid();
        com.vaadin.flow.component.button.Button create = new com.vaadin.flow.component.button.Button("New event",
                click -> new EventForm(core, organizer.accessToken(), null, saved -> load(core, organizer)).open());
        create.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        grid.addComponentColumn(e -> {
            var change = new com.vaadin.flow.component.button.Button("Change", click -> new EventForm(core,
                    organizer.accessToken(), e, saved -> load(core, organizer)).open());
            change.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            change.setEnabled(!e.cancelled());
            return change;
        }).setFlexGrow(0).setKey("change");
        add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(new H2("Your events"), create), status, grid);
        load(core, organizer);
    }

    private void configureGrid() {
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CoreEvent::title).setHeader("Title").setFlexGrow(2).setSortable(true);
        grid.addColumn(EventFormat::startsAt).setHeader("Starts at (event's time zone)").setFlexGrow(1)
                .setComparator(CoreEvent::startsAt);
        grid.addColumn(EventFormat::where).setHeader("Venue / online").setFlexGrow(2);
        grid.addColumn(e -> e.cancelled() ? "cancelled" : "").setHeader("").setFlexGrow(0);
        grid.addComponentColumn(e -> new com.vaadin.flow.component.html.Anchor("events/" + e.id() + "/guests",
                "Guests")).setHeader("").setFlexGrow(0).setKey("guests");
        // a click on a row's text opens the dashboard; its links and buttons do their own thing
        grid.addItemClickListener(click -> {
            if (click.getColumn() == null || click.getColumn().getKey() == null) {
                grid.getUI().ifPresent(ui -> ui.navigate(DashboardView.class,
                        new RouteParameters(DashboardView.ID_PARAMETER, click.getItem().id().toString())));
            }
        });
    }

    private void load(CoreClient core, CurrentOrganizer organizer) {
        try {
            List<CoreEvent> events = core.events(organizer.accessToken());
            grid.setItems(events);
            status.setText(events.isEmpty() ? "You have no events yet." : "Click an event to open its live dashboard.");
        } catch (CoreClient.Unauthorized e) {
            organizer.logout(); // the core no longer accepts the token (expired): sign in again
        } catch (CoreClient.CoreException e) {
            grid.setVisible(false);
            status.setText("The Inviteflow core could not be reached. Reload the page to try again.");
        }
    }
}
