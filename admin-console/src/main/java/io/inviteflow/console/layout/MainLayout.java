package io.inviteflow.console.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every signed-in page: product name, the organizer's pages (events, contacts, campaigns, calendar; the
 * job history and pipeline for admins, the models for the ML team), their account, sign out.
 */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentOrganizer organizer) {
        Anchor home = new Anchor("", "Inviteflow");
        // Inline styles: Lumo utility classes would need a theme of our own, i.e. a frontend build (STACK.md).
        home.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        Anchor events = new Anchor("", "Events");
        Anchor contacts = new Anchor("contacts", "Contacts");
        Anchor campaigns = new Anchor("campaigns", "Campaigns");
        Anchor calendar = new Anchor("calendar", "Calendar");
        Anchor insights = new Anchor("insights", "Insights");
        Anchor jobs = new Anchor("jobs", "Jobs");
        jobs.setVisible(organizer.isAdmin());
        Anchor pipeline = new Anchor("pipeline", "Pipeline");
        pipeline.setVisible(organizer.isAdmin());
        Anchor privacy = new Anchor("privacy", "Privacy");
        privacy.setVisible(organizer.isAdmin());
        Anchor models = new Anchor("ml", "Models");
        models.setVisible(organizer.isMlTeam());
        // the address opens the account page (two-factor sign-in, sessions, the account's trail)
        Anchor who = new Anchor("account", organizer.email());
        Button signOut = new Button("Sign out", click -> organizer.signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(home, events, contacts, campaigns, calendar, insights, jobs, pipeline, privacy,
                models, who, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(home);
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);
    }
}
