package io.inviteflow.console.campaigns;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.inviteflow.console.core.CoreCampaigns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Once, or again every day, week or month until a date: each time a campaign of its own, to the segment as it is
 * then (new guests included). The times are counted on the organizer's clock, so 9:00 stays 9:00 after a change to
 * summer time; the core checks the values.
 */
class RepeatFields extends HorizontalLayout {

    private static final Map<String, String> EVERY = Map.of("Once", "", "Every day", "DAY", "Every week", "WEEK",
            "Every month", "MONTH");

    private final Select<String> every = new Select<>();
    private final DatePicker until = new DatePicker("Last time on or before");

    RepeatFields() {
        every.setLabel("Repeat");
        every.setItems("Once", "Every day", "Every week", "Every month");
        every.setValue("Once");
        until.setVisible(false);
        until.setMin(LocalDate.now());
        every.addValueChangeListener(e -> until.setVisible(!"Once".equals(e.getValue())));
        setPadding(false);
        add(every, until);
    }

    boolean repeats() {
        return !"Once".equals(every.getValue());
    }

    /** Null when it goes once; a repeat without its last day is {@link IllegalStateException} (asked for). */
    CoreCampaigns.Repeat value(ZoneId organizersZone) {
        if (!repeats()) {
            return null;
        }
        if (until.getValue() == null) {
            throw new IllegalStateException("Choose the day it repeats until.");
        }
        return new CoreCampaigns.Repeat(EVERY.get(every.getValue()), until.getValue(), organizersZone.getId());
    }
}
