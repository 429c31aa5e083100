package io.inviteflow.console.dashboard;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.inviteflow.console.engagement.Engagement;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** A row of labelled counters; shows {@link DashboardFigures}, knows nothing about where they come from. */
class CountersPanel extends Composite<FlexLayout> {

    private final Map<String, Span> values = new LinkedHashMap<>();

    CountersPanel() {
        FlexLayout layout = getContent();
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.getStyle().set("gap", "var(--lumo-space-m)");
        for (String label : new String[] {"Invited", "Opened", "Yes", "No", "Maybe", "Headcount",
                "Open rate", "Answer rate", "As of"}) {
            layout.add(tile(label));
        }
        show(DashboardFigures.of(Engagement.NONE, ZoneOffset.UTC));
    }

    void show(DashboardFigures f) {
        values.get("Invited").setText(f.invited());
        values.get("Opened").setText(f.opened());
        values.get("Yes").setText(f.yes());
        values.get("No").setText(f.no());
        values.get("Maybe").setText(f.maybe());
        values.get("Headcount").setText(f.headcount());
        values.get("Open rate").setText(f.openRate());
        values.get("Answer rate").setText(f.answerRate());
        values.get("As of").setText(f.asOf());
    }

    /** The text shown for one counter (for tests). */
    String value(String label) {
        return values.get(label).getText();
    }

    private Div tile(String label) {
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span value = new Span();
        value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        values.put(label, value);
        Div tile = new Div(caption, new Div(value));
        tile.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-contrast-5pct)").set("min-width", "8em");
        return tile;
    }
}
