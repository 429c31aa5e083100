package io.inviteflow.console.events;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.core.CoreTemplate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A new event from a template, or changes to an existing one (a new time is a reschedule: the core tells the guests
 * and updates their calendars). The core checks every field; its refusal is shown as it words it.
 */
class EventForm extends Dialog {

    private final TextField title = new TextField("Title");
    private final ComboBox<CoreTemplate> template = new ComboBox<>("Template");
    private final DateTimePicker startsAt = new DateTimePicker("Starts (in the event's time zone)");
    private final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    private final TextField venue = new TextField("Venue");
    private final TextField address = new TextField("Address");
    private final TextField online = new TextField("Online link (Zoom, Meet, Teams…; \"jitsi\" makes a room)");
    private final IntegerField capacity = new IntegerField("Capacity (guests and plus-ones; empty: no limit)");
    private final TextArea description = new TextArea("Description");
    private final Paragraph problem = new Paragraph();

    EventForm(CoreClient core, String token, CoreEvent existing, Consumer<CoreEvent> saved) {
        setHeaderTitle(existing == null ? "New event" : "Change " + existing.title());
        template.setItemLabelGenerator(CoreTemplate::name);
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        timeZone.setValue(ZoneId.systemDefault().getId().equals("Etc/UTC") ? "Europe/Berlin" : ZoneId.systemDefault().getId());
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(title, template, startsAt, timeZone, venue, address, online, capacity,
                description);
        if (existing == null) {
            template.setItems(core.templates());
        } else {
            template.setVisible(false);
            title.setValue(existing.title());
            startsAt.setValue(existing.startsAt().atZoneSameInstant(existing.zone()).toLocalDateTime());
            timeZone.setValue(existing.timeZone());
            if (existing.venue() != null) {
                venue.setValue(existing.venue().name());
                address.setValue(existing.venue().address() == null ? "" : existing.venue().address());
            }
            online.setValue(existing.onlineUrl() == null ? "" : existing.onlineUrl());
            capacity.setValue(existing.capacity());
        }
        Button save = new Button(existing == null ? "Create" : "Save and tell the guests", click -> {
            try {
                Map<String, Object> fields = fields(existing == null);
                saved.accept(existing == null ? core.createEvent(token, fields)
                        : core.updateEvent(token, existing.id(), fields));
                close();
            } catch (CoreClient.Refused e) {
                problem.setText(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, problem);
        getFooter().add(new Button("Close", click -> close()), save);
        setWidth("min(60rem, 95vw)");
    }

    private Map<String, Object> fields(boolean creating) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title.getValue());
        LocalDateTime start = startsAt.getValue();
        if (start != null && timeZone.getValue() != null) {
            fields.put("startsAt", start.atZone(ZoneId.of(timeZone.getValue())).toOffsetDateTime().toString());
        }
        fields.put("timeZone", timeZone.getValue());
        if (!venue.getValue().isBlank()) {
            fields.put("venue", Map.of("name", venue.getValue(), "address", address.getValue()));
        }
        if (online.getValue().equalsIgnoreCase("jitsi")) {
            fields.put("onlinePlatform", "JITSI");
        } else if (!online.getValue().isBlank()) {
            fields.put("onlineUrl", online.getValue());
        }
        if (capacity.getValue() != null) {
            fields.put("capacity", capacity.getValue());
        }
        if (!description.getValue().isBlank()) {
            fields.put("description", description.getValue());
        }
        if (creating && template.getValue() != null) {
            fields.put("template", template.getValue().id());
        }
        if (!creating) {
            List<String> clear = new java.util.ArrayList<>();
            if (capacity.getValue() == null) {
                clear.add("capacity");
            }
            if (venue.getValue().isBlank()) {
                clear.add("venue");
            }
            if (online.getValue().isBlank()) {
                clear.add("online");
            }
            fields.put("clear", clear);
        }
        return fields;
    }
}
