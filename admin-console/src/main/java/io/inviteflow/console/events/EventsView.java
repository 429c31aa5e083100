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
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.team.TeamPanel;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signed-in organizer's events and those they co-organize, from the core; a click opens the live dashboard,
 * "Guests" the guest list, "Team" (own events) the event's co-organizers.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Events · Inviteflow")
@PermitAll
public class EventsView extends VerticalLayout {

    private final Grid<CoreEvent> grid = new Grid<>(CoreEvent.class, false);
    private final Paragraph status = new Paragraph();
    private final CoreTeams teams;
    /** the owner's name of each event co-organized; the others are the organizer's own */
    private Map<UUID, String> coOrganized = Map.of();
    /** the events among them the organizer only views */
    private java.util.Set<UUID> viewed = java.util.Set.of();

    public EventsView(CoreClient core, CoreTeams teams, CurrentOrganizer organizer) {
        this.teams = teams;
        setSizeFull();
        configureGrid();
        grid.addColumn(e -> coOrganized.containsKey(e.id()) ? "with " + coOrganized.get(e.id()) : "")
                .setHeader("Co-organizing").setAutoWidth(true).setFlexGrow(0).setKey("with");
        grid.addComponentColumn(e -> {
            var team = new com.vaadin.flow.component.button.Button("Team", click -> teamDialog(organizer, e));
            team.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            team.setVisible(!coOrganized.containsKey(e.id())); // the owner's to manage
            return team;
        }).setFlexGrow(0).setKey("team");
        com.vaadin.flow.component.button.Button create = new com.vaadin.flow.component.button.Button("New event",
                click -> new EventForm(core, organizer.accessToken(), null, saved -> load(core, organizer)).open());
        create.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        grid.addComponentColumn(e -> {
            var change = new com.vaadin.flow.component.button.Button("Change", click -> new EventForm(core,
                    organizer.accessToken(), e, saved -> load(core, organizer)).open());
            change.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            change.setEnabled(!e.cancelled());
            change.setVisible(!viewed.contains(e.id()));
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

    private void teamDialog(CurrentOrganizer organizer, CoreEvent event) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Team of " + event.title());
        dialog.add(new TeamPanel(teams, organizer, new CoreTeams.Scope(event.id()), "Co-organizers work on this "
                + "event as you do — guests, invitations, tickets, the wall, the door, the dashboard — but cannot "
                + "call it off, refund or change its team. Viewers see what co-organizers see and change nothing."));
        dialog.getFooter().add(new com.vaadin.flow.component.button.Button("Close", click -> dialog.close()));
        dialog.open();
    }

    /** Adds the events co-organized to {@code events} (all or, on a failure, none); @return each one's owner. */
    private Map<UUID, String> coOrganizedEvents(CoreClient core, CurrentOrganizer organizer, List<CoreEvent> events) {
        Map<UUID, String> shared = new HashMap<>();
        java.util.Set<UUID> viewOnly = new java.util.HashSet<>();
        List<CoreEvent> found = new ArrayList<>();
        for (CoreTeams.Membership m : teams.memberships(organizer.accessToken())) {
            if (!m.marketing()) {
                try {
                    found.add(core.event(organizer.accessToken(), m.eventId()));
                    boolean viewer = "VIEWER".equals(m.role());
                    shared.put(m.eventId(), viewer ? m.ownerName() + " (view only)" : m.ownerName());
                    if (viewer) {
                        viewOnly.add(m.eventId());
                    }
                } catch (CoreClient.NotFound removedMeanwhile) {
                    // taken off the team between the two calls: not theirs to show
                }
            }
        }
        events.addAll(found);
        viewed = viewOnly;
        return shared;
    }

    private void load(CoreClient core, CurrentOrganizer organizer) {
        try {
            List<CoreEvent> events = new ArrayList<>(core.events(organizer.accessToken()));
            String note = "";
            try {
                coOrganized = coOrganizedEvents(core, organizer, events);
            } catch (CoreClient.Unauthorized e) {
                throw e;
            } catch (CoreClient.CoreException e) {
                coOrganized = Map.of();
                note = " The events you co-organize could not be read now.";
            }
            grid.setItems(events);
            grid.setVisible(true);
            status.setText((events.isEmpty() ? "You have no events yet." : "Click an event to open its live dashboard.")
                    + note);
        } catch (CoreClient.Unauthorized e) {
            organizer.logout(); // the core no longer accepts the token (expired): sign in again
        } catch (CoreClient.CoreException e) {
            grid.setVisible(false);
            status.setText("The Inviteflow core could not be reached. Reload the page to try again.");
        }
    }
}
