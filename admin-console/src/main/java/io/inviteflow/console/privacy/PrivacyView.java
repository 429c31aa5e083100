package io.inviteflow.console.privacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CorePrivacy;
import io.inviteflow.console.layout.BrowserZone;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * For admins: a person's request about their data (received by mail or post), handled by address or mobile number — a
 * copy of everything Inviteflow holds about them, as a ZIP to send them, or its erasure everywhere (after a
 * confirmation: it cannot be undone); or, for an organizer, their account's closing. All go into the trail below, which
 * keeps a hash of the person, never the address.
 */
@Route(value = "privacy", layout = MainLayout.class)
@PageTitle("Privacy · Inviteflow")
@RolesAllowed("ADMIN")
public class PrivacyView extends VerticalLayout {

    private final CorePrivacy privacy;
    private final CurrentOrganizer organizer;
    private final TextField subject = new TextField("Email address or mobile number");
    private final VerticalLayout outcome = new VerticalLayout();
    private final Grid<CorePrivacy.Handled> trail = new Grid<>();
    private DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH).withZone(java.time.ZoneId.systemDefault());

    public PrivacyView(CorePrivacy privacy, CurrentOrganizer organizer) {
        this.privacy = privacy;
        this.organizer = organizer;
        subject.setPlaceholder("ada@example.org or +491701234567");
        subject.setWidth("24em");
        Button copy = new Button("Make a copy", e -> copy());
        Button erase = new Button("Erase…", e -> confirmErasure());
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button("Close their organizer account…", e -> confirmClosing());
        close.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout request = new HorizontalLayout(subject, copy, erase, close);
        request.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        outcome.setPadding(false);
        trail.addColumn(h -> when.format(h.at())).setHeader("When").setAutoWidth(true);
        BrowserZone.follow(this, zone -> {
            when = when.withZone(zone);
            trail.getDataProvider().refreshAll();
        });
        trail.addColumn(h -> switch (h.kind()) {
            case "ERASURE" -> "Erasure";
            case "ACCOUNT_CLOSURE" -> "Account closed";
            default -> "Copy";
        }).setHeader("What").setAutoWidth(true);
        trail.addColumn(h -> h.handledBy() != null ? h.handledBy() : "the person themselves")
                .setHeader("By").setAutoWidth(true);
        trail.addColumn(h -> h.summary().entrySet().stream().map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                .collect(Collectors.joining(", "))).setHeader("Touched").setFlexGrow(2);
        trail.addColumn(h -> h.subjectHash().substring(0, 12)).setHeader("Person (hash)").setAutoWidth(true);
        trail.setAllRowsVisible(true);
        add(new H2("People's data"), new Paragraph("Someone asked for a copy of their data or for its erasure: "
                        + "find them by the address or number they were invited with. A copy covers every organizer's "
                        + "events; so does an erasure, which cannot be undone."),
                request, outcome, new H3("Requests handled"), trail);
        refreshTrail();
    }

    private void copy() {
        String who = subject.getValue();
        outcome.removeAll();
        try {
            byte[] archive = privacy.export(organizer.accessToken(), who);
            Anchor download = new Anchor(DownloadHandler.fromInputStream(d -> new DownloadResponse(
                    new ByteArrayInputStream(archive), "inviteflow-data.zip", "application/zip", archive.length)),
                    AttachmentType.DOWNLOAD, "Download the copy (%,d bytes)".formatted(archive.length));
            download.setId("privacy-download");
            outcome.add(new Paragraph("A copy of everything about " + who.trim() + " is ready:"), download);
        } catch (CoreClient.CoreException e) {
            outcome.add(refusal(e));
        }
        refreshTrail();
    }

    private void confirmErasure() {
        String who = subject.getValue().trim();
        if (who.isEmpty()) {
            outcome.removeAll();
            outcome.add(new Paragraph("Give an address or a number first."));
            return;
        }
        confirm("Erase " + who + "?", "Their names, addresses, numbers, messages, answers, posts and contacts go "
                + "from every organizer's events, and their activity from the analytics archive. This cannot be "
                + "undone.", "Erase everything", () -> erase(who));
    }

    private void erase(String who) {
        outcome.removeAll();
        try {
            CorePrivacy.Erasure erasure = privacy.erase(organizer.accessToken(), who);
            String touched = touched(erasure);
            outcome.add(new Paragraph(touched.isEmpty() ? "Nothing about " + who + " was found: nothing to erase."
                    : "Erased " + who + " — " + touched + "."));
        } catch (CoreClient.CoreException e) {
            outcome.add(refusal(e));
        }
        refreshTrail();
    }

    /** An organizer asked, by mail or post, for their account's closing; their events must be over or cancelled. */
    private void confirmClosing() {
        String who = subject.getValue().trim();
        outcome.removeAll();
        if (!who.contains("@")) {
            outcome.add(new Paragraph("Give the address the organizer signs in with."));
            return;
        }
        PasswordField password = new PasswordField("Your password");
        password.setId("privacy-closing-password");
        TextField code = new TextField("Your code (with two-factor sign-in on)");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        confirm("Close the account of " + who + "?", new VerticalLayout(new Paragraph("Its events' guests, buyers "
                + "and holders, its address book, webhooks and teams are erased, then the account itself. This "
                + "cannot be undone."), password, code), "Close it",
                () -> closeAccount(who, password.getValue(), code.getValue()));
    }

    /** Something that cannot be undone, asked once more. */
    private static void confirm(String question, String consequences, String yes, Runnable action) {
        confirm(question, new Paragraph(consequences), yes, action);
    }

    private static void confirm(String question, Component consequences, String yes, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(question);
        dialog.setText(consequences);
        dialog.setConfirmText(yes);
        dialog.addConfirmListener(confirmed -> action.run());
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.open();
    }

    private void closeAccount(String who, String password, String code) {
        outcome.removeAll();
        try {
            CorePrivacy.Erasure closed = privacy.closeAccount(organizer.accessToken(), who, password, code);
            outcome.add(new Paragraph("The account of " + who + " is closed — " + touched(closed) + "."));
        } catch (CoreClient.NotFound e) {
            outcome.add(new Paragraph("No organizer account has the address " + who + "."));
        } catch (CoreClient.CoreException e) {
            outcome.add(refusal(e));
        }
        refreshTrail();
    }

    private static String touched(CorePrivacy.Erasure erasure) {
        return erasure.erased().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().replace('_', ' ') + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void refreshTrail() {
        try {
            trail.setItems(privacy.trail(organizer.accessToken()));
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            trail.setItems();
        }
    }

    private Paragraph refusal(CoreClient.CoreException e) {
        if (e instanceof CoreClient.Unauthorized) {
            organizer.logout();
        }
        String why = e instanceof CoreClient.Refused r && r.status() == 403
                ? "the core does not count this account among its admins (inviteflow.security.admins)"
                : e instanceof CoreClient.Refused ? e.getMessage()
                : "the Inviteflow core could not be reached: " + e.getMessage();
        Paragraph refusal = new Paragraph("Not done: " + why);
        refusal.setId("privacy-refusal");
        return refusal;
    }
}
