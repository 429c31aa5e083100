package io.inviteflow.console.calendar;

import com.vaadin.flow.component.html.Div;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Weeks from Monday, a cell per day with its entries; the days of the months around it greyed. */
class MonthGrid extends Div {

    MonthGrid(YearMonth month, LocalDate first, LocalDate end, Map<LocalDate, List<Div>> entries) {
        getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))")
                .set("gap", "1px").set("background", "var(--lumo-contrast-10pct)").set("width", "100%")
                .set("border", "1px solid var(--lumo-contrast-10pct)");
        for (DayOfWeek day : DayOfWeek.values()) {
            Div name = new Div(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            name.getStyle().set("background", "var(--lumo-base-color)").set("padding", "4px")
                    .set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)");
            add(name);
        }
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            Div cell = new Div(new Div(String.valueOf(day.getDayOfMonth())));
            cell.getElement().setAttribute("data-day", day.toString());
            cell.getStyle().set("background", "var(--lumo-base-color)").set("min-height", "6rem")
                    .set("padding", "4px").set("font-size", "var(--lumo-font-size-s)");
            if (!YearMonth.from(day).equals(month)) {
                cell.getStyle().set("color", "var(--lumo-disabled-text-color)");
            }
            entries.getOrDefault(day, List.of()).forEach(cell::add);
            add(cell);
        }
    }
}
