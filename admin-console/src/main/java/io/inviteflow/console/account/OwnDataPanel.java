package io.inviteflow.console.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.inviteflow.console.core.CoreAccount;
import io.inviteflow.console.security.CurrentOrganizer;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The organizer's rights over their data: a copy to download; closing the account: first what keeps it open (events to
 * cancel, refunds to wait for), then the password (and a code with two-factor sign-in on) and a last question, since
 * nothing comes back. Closed, the console signs out.
 */
class OwnDataPanel extends VerticalLayout {

    private final CoreAccount account;
    private final CurrentOrganizer organizer;

    OwnDataPanel(CoreAccount account, CurrentOrganizer organizer) {
        this.account = account;
        this.organizer = organizer;
        setPadding(false);
    }

    /**
     * @param addressConfirmed whether a copy can be had (it holds what others keep about the address)
     * @param secondFactor     whether closing also asks for a code
     */
    void show(boolean addressConfirmed, boolean secondFactor) {
        removeAll();
        if (!addressConfirmed) {
            add(new Paragraph("A copy of your data can be downloaded here once your address is confirmed."));
        } else {
            add(copyLink());
        }
        List<CoreAccount.ClosingBlocker> blockers = account.closingBlockers(organizer.accessToken());
        if (!blockers.isEmpty()) {
            UnorderedList events = new UnorderedList();
            blockers.forEach(b -> events.add(new ListItem(b.title() + " — " + b.reason())));
            events.setId("account-closing-blockers");
            add(new H4("Closing the account"), new Paragraph("Your guests come first: these events keep the account "
                    + "open until they are cancelled (guests are told, buyers refunded) and their refunds are made."),
                    events);
            return;
        }
        PasswordField password = new PasswordField("Your password");
        password.setId("account-closing-password");
        TextField code = new TextField("Code");
        code.setId("account-closing-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setVisible(secondFactor);
        Button close = new Button("Close my account", e -> confirm(password.getValue(), code.getValue()));
        close.setId("account-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new H4("Closing the account"), new Paragraph("Closing erases your events' guests, buyers and ticket "
                + "holders (orders keep their amounts for the books), your address book, webhooks and teams, then "
                + "your address, name and password. Your address can sign up again later, as a new account."),
                new HorizontalLayout(password, code, close));
    }

    private VerticalLayout copyLink() {
        // made when clicked: a copy is recorded in the privacy trail, which a page view should not fill
        Anchor copy = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] archive = account.copyOfMyData(organizer.accessToken());
            return new DownloadResponse(new ByteArrayInputStream(archive), "inviteflow-data.zip", "application/zip",
                    archive.length);
        }), AttachmentType.DOWNLOAD, "Download a copy of your data");
        copy.setId("account-data-copy");
        VerticalLayout section = new VerticalLayout(new Paragraph("A ZIP of everything Inviteflow holds about your "
                + "address: this account, the events you made and its trail, and any invitations, tickets or contacts "
                + "of other organizers that reach you."), copy);
        section.setPadding(false);
        return section;
    }

    private void confirm(String password, String code) {
        ConfirmDialog dialog = new ConfirmDialog("Close your account?", "Everything listed above goes for good, "
                + "from backups too. This cannot be undone.", "Close it", e -> close(password, code));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.open();
    }

    private void close(String password, String code) {
        AccountChanges.run(organizer, () -> {
            account.close(organizer.accessToken(), password, code);
            organizer.logout();
        });
    }
}
