package io.inviteflow.console.tickets;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.core.CoreTickets;
import io.inviteflow.console.core.EventRole;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

import java.util.UUID;

/**
 * One event's ticket sale: set it up (currency, VAT, fee, tiers, codes), follow it (sales per tier and orders,
 * refreshed every few seconds while the page is open), refund, and run the doors (scanner links, check-in count).
 */
@Route(value = "events/:id/tickets", layout = MainLayout.class)
@PageTitle("Tickets · Inviteflow")
@PermitAll
public class TicketsView extends VerticalLayout implements BeforeEnterObserver {

    private static final int REFRESH_MILLIS = 5000;

    private final CoreClient core;
    private final CoreTickets tickets;
    private final CoreTeams teams;
    private final CurrentOrganizer organizer;
    private SalesPanel sales;
    private DoorsPanel doors;
    private UUID eventId;
    private com.vaadin.flow.shared.Registration polling;

    public TicketsView(CoreClient core, CoreTickets tickets, CoreTeams teams, CurrentOrganizer organizer) {
        this.core = core;
        this.tickets = tickets;
        this.teams = teams;
        this.organizer = organizer;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            eventId = UUID.fromString(event.getRouteParameters().get("id").orElseThrow());
            String token = organizer.accessToken();
            CoreEvent partyEvent = core.event(token, eventId);
            EventRole role = teams.roleOn(token, eventId);
            sales = new SalesPanel(tickets, token, eventId, role.owns());
            add(new H2(partyEvent.title() + ": tickets" + (partyEvent.cancelled() ? " (cancelled)" : "")));
            if (role.changes()) {
                doors = new DoorsPanel(tickets, token, eventId);
                add(new SaleSetupPanel(tickets, token, eventId, this::refresh), new H3("Sales"), sales,
                        new H3("Doors"), doors);
            } else {
                doors = null; // scanner links open the door: not for viewers
                add(new H3("Sales"), sales);
            }
            refresh();
        } catch (IllegalArgumentException | java.util.NoSuchElementException | CoreClient.NotFound e) {
            add(new H2("No such event"));
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            add(new Paragraph("The Inviteflow core could not be reached. Reload the page to try again."));
        }
    }

    private void refresh() {
        if (sales == null) {
            return;
        }
        CoreTickets.Settings settings = tickets.settings(organizer.accessToken(), eventId);
        if (settings != null) {
            sales.refresh(settings.currency());
        }
        if (doors != null) {
            doors.refresh();
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attach.getUI().addPollListener(poll -> {
            try {
                refresh();
            } catch (CoreClient.CoreException e) {
                // the next poll tries again; the figures on screen stay as they were
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}
