package io.inviteflow.console.campaigns;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.core.CoreTickets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The segment builder's narrower conditions: tickets held (tiers of the chosen events), the door, the waitlist and the
 * language guests read their invitation in. Each change calls back so the audience is counted again.
 */
class GuestFilters extends FormLayout {

    private static final Map<String, String> LANGUAGES = Map.of("en", "English", "de", "Deutsch", "fr", "Français",
            "es", "Español");
    private static final String EITHER = "either";

    private final CoreTickets tickets;
    private final MultiSelectComboBox<CoreTickets.Tier> tiers = new MultiSelectComboBox<>("Holding a ticket of");
    private final Select<String> door = new Select<>();
    private final Select<String> waitlist = new Select<>();
    private final CheckboxGroup<String> languages = new CheckboxGroup<>("Reading their invitation in");

    GuestFilters(CoreTickets tickets, Runnable changed) {
        this.tickets = tickets;
        tiers.setItemLabelGenerator(CoreTickets.Tier::name);
        tiers.setHelperText("Empty: with or without tickets");
        door.setLabel("At the door");
        door.setItems(EITHER, "in", "not-in");
        door.setItemLabelGenerator(v -> Map.of(EITHER, "Either", "in", "Checked in", "not-in", "Not checked in").get(v));
        door.setValue(EITHER);
        waitlist.setLabel("Waitlist");
        waitlist.setItems(EITHER, "on", "off");
        waitlist.setItemLabelGenerator(v -> Map.of(EITHER, "Either", "on", "On the waitlist", "off", "Not on it").get(v));
        waitlist.setValue(EITHER);
        languages.setItems("en", "de", "fr", "es");
        languages.setItemLabelGenerator(LANGUAGES::get);
        tiers.addValueChangeListener(e -> changed.run());
        door.addValueChangeListener(e -> changed.run());
        waitlist.addValueChangeListener(e -> changed.run());
        languages.addValueChangeListener(e -> changed.run());
        add(tiers, door, waitlist, languages);
    }

    /** The chosen events' tiers become the choice (those chosen before and still offered stay chosen). */
    void offerTiersOf(Collection<CoreEvent> events, String token) {
        List<CoreTickets.Tier> offered = new ArrayList<>();
        for (CoreEvent event : events) {
            try {
                offered.addAll(tickets.tiers(token, event.id()));
            } catch (CoreClient.CoreException e) {
                // an event without ticket sales has no tiers to offer
            }
        }
        var kept = tiers.getValue().stream().filter(t -> offered.stream().anyMatch(o -> o.id().equals(t.id())))
                .map(CoreTickets.Tier::id).toList();
        tiers.setItems(offered);
        tiers.setValue(offered.stream().filter(t -> kept.contains(t.id())).toList());
    }

    List<UUID> tierIds() {
        return tiers.getValue().stream().map(CoreTickets.Tier::id).toList();
    }

    Boolean checkedIn() {
        return EITHER.equals(door.getValue()) ? null : "in".equals(door.getValue());
    }

    Boolean waitlisted() {
        return EITHER.equals(waitlist.getValue()) ? null : "on".equals(waitlist.getValue());
    }

    List<String> languages() {
        return List.copyOf(languages.getValue());
    }
}
