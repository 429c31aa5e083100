package io.inviteflow.console.guests;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.core.CoreGuests;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.core.EventRole;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One event's guests: invite a contact list (after a preview), totals, filters by answer and attendance, the waitlist
 * in queue order, the questions asked, a CSV export (one row per person), pictures and videos, cancelling the event.
 */
@Route(value = "events/:id/guests", layout = MainLayout.class)
@PageTitle("Guests · Inviteflow")
@PermitAll
public class GuestListView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CoreClient core;
    private final CoreTeams teams;
    private final CurrentOrganizer organizer;
    private final H2 title = new H2();
    private final Paragraph totals = new Paragraph();
    private final Select<String> response = new Select<>();
    private final Select<String> attendance = new Select<>();
    private final Grid<CoreGuests.Guest> grid = new Grid<>();
    private final QuestionsEditor questions;
    private UUID eventId;

    public GuestListView(CoreClient core, CoreTeams teams, CurrentOrganizer organizer) {
        this.core = core;
        this.teams = teams;
        this.organizer = organizer;
        this.questions = new QuestionsEditor(core, organizer.accessToken());
        setSizeFull();
        response.setLabel("Answer");
        response.setItems("All", "YES", "MAYBE", "NO", "NONE");
        response.setValue("All");
        response.addValueChangeListener(e -> refresh());
        attendance.setLabel("Place");
        attendance.setItems("All", "CONFIRMED", "WAITLISTED");
        attendance.setValue("All");
        attendance.addValueChangeListener(e -> refresh());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CoreGuests.Guest::name).setHeader("Guest").setFlexGrow(2);
        grid.addColumn(g -> g.email() == null ? "" : g.email()).setHeader("Email").setFlexGrow(2);
        grid.addColumn(g -> g.response() == null ? "—" : g.response()).setHeader("Answer");
        grid.addColumn(g -> g.attendance() == null ? "" : g.attendance()).setHeader("Place");
        grid.addColumn(CoreGuests.Guest::plusOnes).setHeader("Plus-ones");
        grid.addColumn(g -> g.answeredAt() == null ? "" : WHEN.format(g.answeredAt())).setHeader("Answered");
        grid.addColumn(g -> g.firstOpenedAt() == null ? "not yet" : "yes").setHeader("Opened");
        grid.addColumn(g -> g.note() == null ? "" : g.note()).setHeader("Note").setFlexGrow(2);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            eventId = UUID.fromString(event.getRouteParameters().get("id").orElseThrow());
            CoreEvent partyEvent = core.event(organizer.accessToken(), eventId);
            title.setText(partyEvent.title() + (partyEvent.cancelled() ? " (cancelled)" : ""));
            removeAll();
            Anchor export = new Anchor(DownloadHandler.fromInputStream(download -> {
                byte[] csv = core.guestsCsv(organizer.accessToken(), eventId);
                return new DownloadResponse(new ByteArrayInputStream(csv), "guests-" + eventId + ".csv",
                        "text/csv", csv.length);
            }), AttachmentType.DOWNLOAD, "Export CSV");
            EventRole role = teams.roleOn(organizer.accessToken(), eventId);
            Anchor ticketSale = new Anchor("events/" + eventId + "/tickets", "Tickets and doors");
            Anchor schedule = new Anchor("events/" + eventId + "/reminders", "Reminders");
            HorizontalLayout bar = new HorizontalLayout(response, attendance, export, ticketSale, schedule);
            bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (role.owns()) {
                Button cancel = new Button("Cancel event…", click -> confirmCancel(partyEvent));
                cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                cancel.setEnabled(!partyEvent.cancelled());
                bar.add(cancel);
            }
            if (role.changes()) {
                questions.load(eventId);
                add(title, totals, new H3("Invite"),
                        new InvitePanel(core, organizer.accessToken(), eventId, this::refresh), bar, grid,
                        new H3("Questions guests answer"), questions,
                        new H3("Pictures and videos"), new MediaPanel(core, organizer.accessToken(), eventId),
                        new H3("Guests' wall and chat"), new WallPanel(core, organizer.accessToken(), eventId));
            } else {
                Paragraph viewing = new Paragraph("You follow this event as a viewer: its guests, their answers, "
                        + "its sales and its dashboard are yours to see; the organizers make the changes.");
                viewing.setId("view-only");
                add(title, viewing, totals, bar, grid);
            }
            setFlexGrow(1, grid);
            refresh();
        } catch (IllegalArgumentException | java.util.NoSuchElementException | CoreClient.NotFound e) {
            removeAll();
            add(new H2("No such event"));
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            removeAll();
            add(new Paragraph("The Inviteflow core could not be reached. Reload the page to try again."));
        }
    }

    private void refresh() {
        if (eventId == null) {
            return;
        }
        try {
            CoreGuests.GuestList list = core.guests(organizer.accessToken(), eventId, filter(response.getValue()),
                    filter(attendance.getValue()));
            CoreGuests.Totals t = list.totals();
            totals.setText(("%d invited · %d opened · %d yes · %d maybe · %d no · %d not answered · %d coming "
                    + "(with plus-ones) · %d on the waitlist").formatted(t.invited(), t.opened(), t.yes(), t.maybe(),
                    t.no(), t.unanswered(), t.confirmedHeadcount(), t.waitlisted()));
            grid.setItems(list.guests());
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            totals.setText("The Inviteflow core could not be reached.");
        }
    }

    private void confirmCancel(CoreEvent partyEvent) {
        ConfirmDialog dialog = new ConfirmDialog("Cancel " + partyEvent.title() + "?",
                "Every guest is told, and their calendars drop the event. This cannot be undone.",
                "Cancel the event", confirm -> {
            core.cancelEvent(organizer.accessToken(), eventId, null);
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.open();
    }

    private static String filter(String value) {
        return value == null || value.equals("All") ? null : value;
    }
}
