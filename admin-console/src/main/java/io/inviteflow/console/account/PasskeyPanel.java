package io.inviteflow.console.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CorePasskeys;
import io.inviteflow.console.layout.BrowserZone;
import io.inviteflow.console.security.BrowserPasskeys;
import io.inviteflow.console.security.CurrentOrganizer;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The account's passkeys, on the Account page: each with when it was added and last signed in, and Remove. Adding one
 * asks for the password (and a code of the app when two-factor sign-in is on, {@link #askForCode}: a passkey signs in
 * without one), then
 * the browser makes the passkey with the device's fingerprint, face or PIN.
 */
class PasskeyPanel extends VerticalLayout {

    private final CorePasskeys passkeys;
    private final CurrentOrganizer organizer;
    private final Grid<CorePasskeys.Passkey> list = new Grid<>();
    private final TextField label = new TextField("Name it");
    private final PasswordField password = new PasswordField("Your password");
    private final TextField code = new TextField("Code from your authenticator app");
    private final Paragraph message = new Paragraph();
    private DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH).withZone(java.time.ZoneId.systemDefault());

    PasskeyPanel(CorePasskeys passkeys, CurrentOrganizer organizer) {
        this.passkeys = passkeys;
        this.organizer = organizer;
        setPadding(false);
        list.setId("passkeys");
        list.addColumn(CorePasskeys.Passkey::label).setHeader("Passkey").setAutoWidth(true);
        list.addColumn(p -> format(p.createdAt())).setHeader("Added").setAutoWidth(true);
        list.addColumn(p -> p.lastUsedAt() == null ? "not yet" : format(p.lastUsedAt())).setHeader("Last sign-in")
                .setAutoWidth(true);
        list.addColumn(p -> p.synced() ? "on the owner's devices" : "this device only").setHeader("Kept")
                .setAutoWidth(true);
        list.addComponentColumn(p -> new Button("Remove", e -> remove(p)));
        list.setAllRowsVisible(true);
        BrowserZone.follow(this, zone -> {
            when = when.withZone(zone);
            list.getDataProvider().refreshAll();
        });
        label.setId("passkey-label");
        label.setPlaceholder("Phone, work laptop");
        label.setMaxLength(64);
        password.setId("passkey-password");
        code.setId("passkey-code");
        code.setMaxLength(64);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Button add = new Button("Add a passkey", e -> add());
        add.setId("add-passkey");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(label, password, code, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        message.setId("passkey-message");
        add(new Paragraph("A passkey signs you in with your phone's or computer's fingerprint, face or screen lock: "
                + "no password and no code to type, and nothing a fake sign-in page could catch."), list, form,
                message);
        refresh();
    }

    private void refresh() {
        attempt(() -> list.setItems(passkeys.passkeys(organizer.accessToken())));
    }

    /** Whether adding a passkey asks for a code of the app too (two-factor sign-in is on). */
    void askForCode(boolean on) {
        code.setVisible(on);
        if (!on) {
            code.clear();
        }
    }

    private void add() {
        String name = label.getValue().strip();
        if (name.isEmpty()) {
            message.setText("Name the passkey, to tell it from others later.");
            return;
        }
        attempt(() -> {
            CorePasskeys.Ceremony ceremony = passkeys.startAdding(organizer.accessToken(), password.getValue(),
                    code.getValue());
            message.setText("Follow your browser: it asks where to keep the passkey.");
            BrowserPasskeys.create(this, ceremony.publicKey(), credential -> attempt(() -> {
                passkeys.add(organizer.accessToken(), ceremony.ceremony(), credential, name);
                label.clear();
                password.clear();
                code.clear();
                message.setText("Passkey \"" + name + "\" added: choose \"Sign in with a passkey\" next time.");
                refresh();
            }), error -> message.setText("No passkey was made: " + error));
        });
    }

    private void remove(CorePasskeys.Passkey passkey) {
        attempt(() -> {
            passkeys.remove(organizer.accessToken(), passkey.id());
            message.setText("Passkey \"" + passkey.label() + "\" removed: it no longer signs in.");
            refresh();
        });
    }

    /** Runs a call to the core; its refusal (a wrong password) is shown, an expired sign-in ends the session. */
    private void attempt(Runnable call) {
        try {
            call.run();
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.Refused e) {
            message.setText(e.getMessage());
        } catch (CoreClient.CoreException e) {
            message.setText("The Inviteflow core could not be reached. Please try again in a moment.");
        }
    }

    private String format(Instant at) {
        return when.format(at);
    }
}
