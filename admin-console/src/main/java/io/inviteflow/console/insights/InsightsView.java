package io.inviteflow.console.insights;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.dashboard.BestHours;
import io.inviteflow.console.engagement.EngagementStore;
import io.inviteflow.console.engagement.EventMetrics;
import io.inviteflow.console.layout.BrowserZone;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataAccessException;

/**
 * Across all the organizer's events: the best time to send (opens by hour of the week, in the organizer's browser
 * zone), the best theme by open rate, and the events side by side.
 */
@Route(value = "insights", layout = MainLayout.class)
@PageTitle("Insights · Inviteflow")
@PermitAll
public class InsightsView extends VerticalLayout {

    private final Paragraph status = new Paragraph();
    private final VerticalLayout sendTimes = new VerticalLayout();
    private final Grid<OrganizerInsights.ThemeRow> themes = new Grid<>();
    private final Grid<OrganizerInsights.EventRow> events = new Grid<>();

    public InsightsView(CoreClient core, EngagementStore store, CurrentOrganizer organizer) {
        setSizeFull();
        sendTimes.setPadding(false);
        sendTimes.setSpacing(false);
        configureThemes();
        configureEvents();
        add(new H2("Insights across your events"), status, new H3("Best time to send"), sendTimes,
                new H3("Themes by open rate"), themes, new H3("Your events compared"), events);
        try {
            String token = organizer.accessToken();
            EventMetrics mine = store.organizerMetrics(core.me(token).id());
            List<CoreEvent> own = core.events(token);
            themes.setItems(OrganizerInsights.themes(mine));
            events.setItems(OrganizerInsights.events(own, store.funnels(own.stream().map(CoreEvent::id).toList())));
            BrowserZone.follow(this, zone -> {
                sendTimes.removeAll();
                List<String> best = BestHours.of(mine, zone, 3);
                (best.isEmpty() ? List.of("No opens counted yet.") : best).forEach(l -> sendTimes.add(new Span(l)));
            });
            status.setText("Figures of the streaming job; a theme is ranked once "
                    + OrganizerInsights.RANKED_FROM + " guests got it.");
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            status.setText("The Inviteflow core could not be reached. Reload the page to try again.");
        } catch (DataAccessException e) {
            status.setText("The figures cannot be read right now. Reload the page to try again.");
        }
    }

    private void configureThemes() {
        themes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        themes.setAllRowsVisible(true);
        themes.addColumn(OrganizerInsights.ThemeRow::theme).setHeader("Theme");
        themes.addColumn(OrganizerInsights.ThemeRow::invited).setHeader("Invited");
        themes.addColumn(r -> percent(r.openRate())).setHeader("Open rate");
        themes.addColumn(r -> percent(r.yesRate())).setHeader("Said yes (of invited)");
    }

    private void configureEvents() {
        events.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        events.setAllRowsVisible(true);
        events.addColumn(r -> r.event().title()).setHeader("Event").setFlexGrow(2);
        events.addColumn(OrganizerInsights.EventRow::invited).setHeader("Invited");
        events.addColumn(r -> rate(r.opened(), r.invited())).setHeader("Opened");
        events.addColumn(r -> rate(r.answered(), r.invited())).setHeader("Answered");
        events.addColumn(r -> rate(r.yes(), r.invited())).setHeader("Said yes");
    }

    private static String rate(long part, long whole) {
        return whole == 0 ? "–" : percent((double) part / whole);
    }

    private static String percent(double share) {
        return String.format(Locale.ENGLISH, "%.1f %%", 100 * share);
    }
}
