package io.inviteflow.console.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.core.CoreAccount;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CorePasskeys;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.team.MembershipsPanel;
import io.inviteflow.console.team.TeamPanel;
import io.inviteflow.console.layout.BrowserZone;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The organizer's own account: whether the address is confirmed (a new link on request); two-factor sign-in (turn it
 * on: scan the QR code or type the secret, confirm with a first code, keep the recovery codes shown once; or off;
 * renew recovery codes); passkeys (add, remove); sign out everywhere; the marketing team; the teams one is on
 * (leave); the account's trail of sign-ins, failures and changes; a copy of one's data, and closing the account
 * ({@link OwnDataPanel}).
 */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("Account · Inviteflow")
@PermitAll
public class AccountView extends VerticalLayout {

    private final CoreAccount account;
    private final CurrentOrganizer organizer;
    private final VerticalLayout address = new VerticalLayout();
    private final VerticalLayout secondFactor = new VerticalLayout();
    private final PasskeyPanel passkeyPanel;
    private final OwnDataPanel ownDataPanel;
    private final Grid<CoreAccount.SecurityEvent> trail = new Grid<>();
    private DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH).withZone(java.time.ZoneId.systemDefault());

    public AccountView(CoreAccount account, CoreTeams teams, CorePasskeys passkeys, CurrentOrganizer organizer) {
        this.account = account;
        this.organizer = organizer;
        this.passkeyPanel = new PasskeyPanel(passkeys, organizer);
        this.ownDataPanel = new OwnDataPanel(account, organizer);
        address.setPadding(false);
        secondFactor.setPadding(false);
        trail.addColumn(e -> when.format(e.at())).setHeader("When").setAutoWidth(true);
        BrowserZone.follow(this, zone -> {
            when = when.withZone(zone);
            trail.getDataProvider().refreshAll();
        });
        trail.addColumn(e -> words(e.action())).setHeader("What").setAutoWidth(true);
        trail.addColumn(e -> e.ip() == null ? "" : e.ip()).setHeader("From").setAutoWidth(true);
        trail.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader("Detail");
        trail.setAllRowsVisible(true);
        Button everywhere = new Button("Sign out everywhere", e -> signOutEverywhere());
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new H2("Account"), new H3("Address"), address, new H3("Two-factor sign-in"), secondFactor,
                new H3("Passkeys"), passkeyPanel,
                new H3("Sessions"), new Paragraph("Signs out every browser, phone and script signed in to this "
                        + "account, this one too."), everywhere,
                new H3("Marketing team"), new TeamPanel(teams, organizer, CoreTeams.Scope.MARKETING, "Members of "
                        + "your marketing team run your campaigns and keep your address book, choosing you under "
                        + "\"Working for\" on the Campaigns and Contacts pages; they see your events but not your "
                        + "guest lists."),
                new H3("Teams you are on"), new MembershipsPanel(teams, organizer),
                new H3("Recent activity"), trail, new H3("Your data"), ownDataPanel);
        refresh();
    }

    private void refresh() {
        try {
            boolean confirmed = account.addressConfirmed(organizer.accessToken());
            showAddress(confirmed);
            boolean enabled = account.secondFactorEnabled(organizer.accessToken());
            showSecondFactor(enabled);
            ownDataPanel.show(confirmed, enabled);
            trail.setItems(account.securityEvents(organizer.accessToken()));
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            secondFactor.removeAll();
            secondFactor.add(new Paragraph("The Inviteflow core could not be reached: " + e.getMessage()));
        }
    }

    /**
     * A confirmed address is what makes a listed admin address count, and where the core sends what the account must
     * know; until then, a new link on request.
     */
    private void showAddress(boolean confirmed) {
        address.removeAll();
        Paragraph state = new Paragraph(organizer.email() + (confirmed ? " — confirmed."
                : " — not confirmed yet: open the link the core mailed to it at sign-up."));
        state.setId("account-address");
        address.add(state);
        if (!confirmed) {
            Button send = new Button("Send a new link", e -> act(() -> {
                boolean nowConfirmed;
                try {
                    nowConfirmed = account.sendConfirmationLink(organizer.accessToken());
                } catch (CoreClient.Unavailable away) {
                    if (away.status() != 503) {
                        throw away;
                    }
                    Notification.show("The core cannot send mail right now. Please try again later.", 5000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    return;
                }
                showAddress(nowConfirmed);
                if (!nowConfirmed) {
                    Notification.show("A new link is on its way to " + organizer.email() + ".")
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
            }));
            send.setId("account-send-link");
            address.add(send);
        }
    }

    private void showSecondFactor(boolean enabled) {
        secondFactor.removeAll();
        passkeyPanel.askForCode(enabled);
        if (!enabled) {
            PasswordField password = new PasswordField("Your password");
            password.setId("account-password");
            Button start = new Button("Turn on", e -> enrol(password.getValue()));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            secondFactor.add(new Paragraph("Off. With it on, signing in also asks for a code from an authenticator "
                    + "app on your phone (Google Authenticator, Authy, 1Password, the phone's passwords app)."),
                    new HorizontalLayout(password, start));
            return;
        }
        TextField code = codeField();
        Button renew = new Button("New recovery codes", e -> act(() -> showRecoveryCodes(
                account.renewRecoveryCodes(organizer.accessToken(), code.getValue().strip()))));
        Button off = new Button("Turn off", e -> act(() -> {
            account.disable(organizer.accessToken(), code.getValue().strip());
            refresh();
        }));
        off.addThemeVariants(ButtonVariant.LUMO_ERROR);
        secondFactor.add(new Paragraph("On. To change it, type a current code of the app (or a recovery code)."),
                new HorizontalLayout(code, renew, off));
    }

    private void enrol(String password) {
        act(() -> {
            CoreAccount.Enrolment enrolment = account.enrol(organizer.accessToken(), password);
            Image qr = new Image(enrolment.qrCode(), "QR code for the authenticator app");
            qr.setWidth("220px");
            TextField code = codeField();
            Button confirm = new Button("Confirm", e -> act(() -> showRecoveryCodes(
                    account.confirm(organizer.accessToken(), code.getValue().strip()))));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            secondFactor.removeAll();
            secondFactor.add(new Paragraph("Scan this with the app, or type the key: " + enrolment.secret()), qr,
                    new Paragraph("Then type the code the app shows to turn two-factor sign-in on."),
                    new HorizontalLayout(code, confirm));
        });
    }

    private void showRecoveryCodes(List<String> codes) {
        secondFactor.removeAll();
        Button done = new Button("I have kept them", e -> refresh());
        secondFactor.add(new Paragraph("Two-factor sign-in is on. Keep these recovery codes somewhere safe: each signs "
                + "in once without the phone. They are shown only now."), new Pre(String.join("\n", codes)), done);
        trail.setItems(account.securityEvents(organizer.accessToken()));
    }

    private void signOutEverywhere() {
        act(() -> {
            account.signOutEverywhere(organizer.accessToken());
            organizer.logout();
        });
    }

    /** Runs a change; the core's refusal (a wrong code) is shown, an expired sign-in ends the session. */
    private void act(Runnable change) {
        AccountChanges.run(organizer, change);
    }

    private static TextField codeField() {
        TextField code = new TextField("Code");
        code.setId("account-code");
        code.setMaxLength(64);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        return code;
    }

    /** SIGN_IN_FAILED → "Sign in failed". */
    static String words(String action) {
        String lower = action.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
