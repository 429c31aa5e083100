package io.inviteflow.console.team;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.security.CurrentOrganizer;

/**
 * One team, as its owner manages it: the members (remove), the invitations not yet taken up (withdraw), and an
 * address to invite — the core mails it a link to the console's join page.
 */
public class TeamPanel extends VerticalLayout {

    private final CoreTeams teams;
    private final CurrentOrganizer organizer;
    private final CoreTeams.Scope scope;
    private final Grid<CoreTeams.Member> members = new Grid<>();
    private final Grid<CoreTeams.Invitation> invitations = new Grid<>();
    private final Paragraph status = new Paragraph();

    public TeamPanel(CoreTeams teams, CurrentOrganizer organizer, CoreTeams.Scope scope, String whatTheyMayDo) {
        this.teams = teams;
        this.organizer = organizer;
        this.scope = scope;
        setPadding(false);
        members.setId("team-members");
        members.addColumn(CoreTeams.Member::name).setHeader("Member").setAutoWidth(true);
        members.addColumn(CoreTeams.Member::email).setHeader("Address").setAutoWidth(true);
        members.addColumn(m -> CoreTeams.words(m.role())).setHeader("As").setAutoWidth(true);
        members.addComponentColumn(m -> small("Remove", () -> teams.remove(organizer.accessToken(), scope,
                m.memberId()))).setFlexGrow(0).setAutoWidth(true);
        members.setAllRowsVisible(true);
        invitations.setId("team-invitations");
        invitations.addColumn(CoreTeams.Invitation::email).setHeader("Invited, not joined yet").setAutoWidth(true);
        invitations.addColumn(i -> CoreTeams.words(i.role())).setHeader("As").setAutoWidth(true);
        invitations.addComponentColumn(i -> small("Withdraw", () -> teams.withdraw(organizer.accessToken(), scope,
                i.id()))).setFlexGrow(0).setAutoWidth(true);
        invitations.setAllRowsVisible(true);

        EmailField address = new EmailField("Invite by address");
        address.setId("team-invite-address");
        address.setWidth("20em");
        // an event's team has two roles; the marketing team one
        Select<String> role = new Select<>();
        role.setId("team-invite-role");
        role.setLabel("As");
        role.setItems("CO_ORGANIZER", "VIEWER");
        role.setItemLabelGenerator(r -> r.equals("VIEWER") ? "Viewer — sees it, changes nothing"
                : "Co-organizer — works on it");
        role.setValue("CO_ORGANIZER");
        role.setVisible(scope.eventId() != null);
        Button invite = new Button("Send invitation", click -> {
            if (address.isEmpty() || address.isInvalid()) {
                address.setInvalid(true);
                address.setErrorMessage("An email address, please");
                return;
            }
            if (change(() -> teams.invite(organizer.accessToken(), scope, address.getValue().trim(),
                    scope.eventId() == null ? null : role.getValue()))) {
                Notification.show("An invitation is on its way to " + address.getValue().trim() + ".")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                address.clear();
            }
        });
        invite.setId("team-invite");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout inviting = new HorizontalLayout(address, role, invite);
        inviting.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph(whatTheyMayDo), members, invitations, inviting, status);
        refresh();
    }

    private Button small(String label, Runnable change) {
        Button button = new Button(label, click -> change(change));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void refresh() {
        try {
            CoreTeams.Team team = teams.team(organizer.accessToken(), scope);
            members.setItems(team.members());
            invitations.setItems(team.invitations());
            invitations.setVisible(!team.invitations().isEmpty());
            status.setText(team.members().isEmpty() ? "Nobody on this team yet." : "");
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            status.setText("The Inviteflow core could not be reached. Reload the page to try again.");
        }
    }

    /** Runs a change against the core and shows the team as it is after it; false when it was refused. */
    private boolean change(Runnable change) {
        try {
            change.run();
            return true;
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
            return false;
        } catch (CoreClient.Refused e) {
            error(e.getMessage());
            return false;
        } catch (CoreClient.CoreException e) {
            error("Not done: the Inviteflow core or its mail server could not be reached. Please try again later.");
            return false;
        } finally {
            refresh();
        }
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
