package io.inviteflow.console.calendar;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.core.CoreCampaigns;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.layout.BrowserZone;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Marketing's month at a glance ({@code /calendar?month=2027-05}): the organizer's events, the reminders they send
 * before them, the campaigns and the coming occurrences of repeating ones, each on its day at the organizer's time
 * (a campaign in the guests' own time on their clocks' day). Hovering an entry tells what it is and to whom.
 */
@Route(value = "calendar", layout = MainLayout.class)
@PageTitle("Calendar · Inviteflow")
@PermitAll
public class CalendarView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CoreCampaigns core;
    private final CurrentOrganizer organizer;
    private ZoneId zone = ZoneId.systemDefault();
    private YearMonth month = YearMonth.now();

    public CalendarView(CoreCampaigns core, CurrentOrganizer organizer) {
        this.core = core;
        this.organizer = organizer;
        // the organizer's own days
        BrowserZone.follow(this, browser -> {
            zone = browser;
            render();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("month", List.of());
        try {
            month = asked.isEmpty() ? YearMonth.now(zone) : YearMonth.parse(asked.get(0));
        } catch (RuntimeException e) {
            month = YearMonth.now(zone);
        }
        render();
    }

    private void render() {
        removeAll();
        H2 title = new H2(month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear());
        HorizontalLayout header = new HorizontalLayout(title, go("‹ Previous", month.minusMonths(1)),
                go("Today", YearMonth.now(zone)), go("Next ›", month.plusMonths(1)));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header);
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1);
        try {
            List<CoreCampaigns.CalendarEntry> entries = core.calendar(organizer.accessToken(),
                    first.atStartOfDay(zone).toInstant(), last.atStartOfDay(zone).toInstant());
            add(new MonthGrid(month, first, last, byDay(entries)), legend());
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            add(new Paragraph("The Inviteflow core could not be reached. Reload the page to try again."));
        }
    }

    private Button go(String label, YearMonth to) {
        Button button = new Button(label, click -> getUI().ifPresent(ui -> ui.navigate(CalendarView.class,
                QueryParameters.simple(Map.of("month", to.toString())))));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** Each entry under the day it falls on: the organizer's, or the guests' own for a campaign in their time. */
    private Map<LocalDate, List<Div>> byDay(List<CoreCampaigns.CalendarEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(
                e -> e.localTime() != null ? e.localTime().toLocalDate() : e.at().atZone(zone).toLocalDate(),
                TreeMap::new, Collectors.mapping(this::entry, Collectors.toList())));
    }

    private Div entry(CoreCampaigns.CalendarEntry e) {
        String time = e.localTime() != null ? TIME.format(e.localTime()) + "*" : TIME.format(e.at().atZone(zone));
        Div entry = new Div(new Span(time + " "), new Span(e.title()));
        entry.getElement().setAttribute("title", e.detail() + (e.status() == null ? ""
                : " · " + e.status().toLowerCase(Locale.ROOT)));
        entry.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("border-radius", "4px")
                .set("padding", "1px 4px").set("margin-top", "2px").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("white-space", "nowrap")
                .set("background", switch (e.kind()) {
                    case "EVENT" -> "var(--lumo-contrast-10pct)";
                    case "REMINDER" -> "var(--lumo-success-color-10pct)";
                    default -> "var(--lumo-primary-color-10pct)";
                });
        if ("EVENT".equals(e.kind())) {
            entry.getStyle().set("font-weight", "600");
        }
        if ("PLANNED".equals(e.status())) {
            entry.getStyle().set("border", "1px dashed var(--lumo-primary-color-50pct)");
        }
        if ("CANCELLED".equals(e.status())) {
            entry.getStyle().set("text-decoration", "line-through").set("opacity", "0.6");
        }
        return entry;
    }

    private static Paragraph legend() {
        Paragraph legend = new Paragraph("Grey: events · green: reminders before them (to guests coming, or to "
                + "Maybe guests before the RSVP deadline) · blue: campaigns, dashed when a repeating one will make "
                + "them · * on each guest's own clock. Reminders after an unopened invitation go per guest, so they "
                + "are not on the calendar; a guest's quiet hours may move a reminder later.");
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return legend;
    }
}
