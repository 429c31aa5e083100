package io.inviteflow.console.dashboard;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The event's {@link InsightFigures} in titled boxes; a box without data is hidden. */
class InsightsPanel extends Composite<FlexLayout> {

    private final Map<String, VerticalLayout> boxes = new LinkedHashMap<>();
    private InsightFigures shown;

    InsightsPanel() {
        FlexLayout layout = getContent();
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.getStyle().set("gap", "var(--lumo-space-m)");
        for (String title : new String[] {"Funnel", "How fast", "Best hours to reach them", "Opens by channel",
                "Where they opened", "What the people coming chose", "Opens spikes", "Sales", "Social"}) {
            VerticalLayout box = new VerticalLayout(new H4(title));
            box.setPadding(true);
            box.setSpacing(false);
            box.setWidth("22em");
            box.getStyle().set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", "var(--lumo-contrast-5pct)");
            box.setVisible(false);
            boxes.put(title, box);
            layout.add(box);
        }
    }

    void show(InsightFigures f) {
        if (f.equals(shown)) {
            return; // polled every second: push nothing when nothing changed
        }
        shown = f;
        fill("Funnel", f.funnel());
        fill("How fast", f.timing());
        fill("Best hours to reach them", f.bestHours());
        fill("Opens by channel", f.channels());
        fill("Where they opened", f.countries());
        fill("What the people coming chose", f.answers());
        fill("Opens spikes", f.spikes());
        fill("Sales", f.sales());
        fill("Social", f.social());
    }

    private void fill(String title, List<String> lines) {
        VerticalLayout box = boxes.get(title);
        box.getChildren().skip(1).toList().forEach(box::remove);
        lines.forEach(line -> box.add(new Div(new Span(line))));
        box.setVisible(!lines.isEmpty());
    }
}
