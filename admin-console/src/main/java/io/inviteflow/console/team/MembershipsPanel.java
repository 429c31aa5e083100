package io.inviteflow.console.team;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.security.CurrentOrganizer;

/** The teams the signed-in person is on, each with a way to leave it. */
public class MembershipsPanel extends VerticalLayout {

    private final CoreTeams teams;
    private final CurrentOrganizer organizer;
    private final Grid<CoreTeams.Membership> grid = new Grid<>();
    private final Paragraph status = new Paragraph();

    public MembershipsPanel(CoreTeams teams, CurrentOrganizer organizer) {
        this.teams = teams;
        this.organizer = organizer;
        setPadding(false);
        grid.setId("memberships");
        grid.addColumn(CoreTeams.Membership::ownerName).setHeader("Organizer").setAutoWidth(true);
        grid.addColumn(m -> m.marketing() ? "Marketing" : CoreTeams.words(m.role()) + " of " + m.eventTitle())
                .setHeader("As")
                .setAutoWidth(true);
        grid.addComponentColumn(m -> {
            Button leave = new Button("Leave", click -> leave(m));
            leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return leave;
        }).setFlexGrow(0).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid, status);
        refresh();
    }

    private void refresh() {
        try {
            var memberships = teams.memberships(organizer.accessToken());
            grid.setItems(memberships);
            grid.setVisible(!memberships.isEmpty());
            status.setText(memberships.isEmpty() ? "You are on nobody else's team." : "");
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            status.setText("The Inviteflow core could not be reached. Reload the page to try again.");
        }
    }

    private void leave(CoreTeams.Membership membership) {
        try {
            teams.leave(organizer.accessToken(), membership);
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
            return;
        } catch (CoreClient.CoreException e) {
            Notification.show("Not done: the Inviteflow core could not be reached.", 5000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
