package io.inviteflow.console.team;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

/**
 * Where a mailed team invitation leads (after signing in or up, with whichever account): what it invites to, and a
 * button that joins. Opening the page changes nothing — mail scanners open links.
 */
@Route(value = "join/:token", layout = MainLayout.class)
@PageTitle("Join a team · Inviteflow")
@PermitAll
public class JoinView extends VerticalLayout implements BeforeEnterObserver {

    private final CoreTeams teams;
    private final CurrentOrganizer organizer;

    public JoinView(CoreTeams teams, CurrentOrganizer organizer) {
        this.teams = teams;
        this.organizer = organizer;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        add(new H2("Join a team"));
        try {
            CoreTeams.Offer offer = teams.offer(organizer.accessToken(), token);
            Paragraph what = new Paragraph(describe(offer));
            what.setId("join-offer");
            Button join = new Button("Join as " + organizer.email(), click -> join(token));
            join.setId("join");
            join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(what, join);
        } catch (CoreClient.NotFound e) {
            outcome("This invitation was used, withdrawn or has expired. Ask whoever sent it for a new one.");
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            outcome("The Inviteflow core could not be reached. Reload the page to try again.");
        }
    }

    static String describe(CoreTeams.Offer offer) {
        return offer.eventId() == null
                ? offer.ownerName() + " invites you to their marketing team: their campaigns and address book."
                : "VIEWER".equals(offer.role()) ? offer.ownerName() + " invites you to follow \"" + offer.eventTitle()
                        + "\": to see its guests, their answers, its sales, wall and dashboard, without changing them."
                : offer.ownerName() + " invites you to co-organize \"" + offer.eventTitle()
                        + "\": its guests, invitations, tickets, wall and dashboard.";
    }

    private void join(String token) {
        try {
            CoreTeams.Offer joined = teams.accept(organizer.accessToken(), token);
            getUI().ifPresent(ui -> ui.navigate(joined.eventId() == null ? "campaigns" : ""));
        } catch (CoreClient.NotFound e) {
            outcome("This invitation was used, withdrawn or has expired. Ask whoever sent it for a new one.");
        } catch (CoreClient.Refused e) {
            outcome(e.getMessage()); // the owner's own invitation
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            outcome("The Inviteflow core could not be reached. Please try again.");
        }
    }

    private void outcome(String text) {
        removeAll();
        Paragraph p = new Paragraph(text);
        p.setId("join-outcome");
        add(new H2("Join a team"), p);
    }
}
