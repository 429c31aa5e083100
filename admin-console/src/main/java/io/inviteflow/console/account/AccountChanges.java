package io.inviteflow.console.account;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.security.CurrentOrganizer;

/** How the account page runs a change on the core: its refusal shown, an expired sign-in ending the session. */
final class AccountChanges {

    private AccountChanges() {
    }

    static void run(CurrentOrganizer organizer, Runnable change) {
        try {
            change.run();
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.Refused e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (CoreClient.CoreException e) {
            Notification.show("The Inviteflow core could not be reached", 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
