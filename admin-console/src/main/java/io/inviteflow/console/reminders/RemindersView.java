package io.inviteflow.console.reminders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.core.CoreReminders;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One event's reminder schedule: what it sends, when, through which channels. A new event starts with its template's
 * schedule; the organizer edits the list here and saves it as a whole (batch-jobs sends when due, once per guest and
 * channel, never in the guest's night).
 */
@Route(value = "events/:id/reminders", layout = MainLayout.class)
@PageTitle("Reminders · Inviteflow")
@PermitAll
public class RemindersView extends VerticalLayout implements BeforeEnterObserver {

    private final CoreClient core;
    private final CoreReminders reminders;
    private final CoreTeams teams;
    private final CurrentOrganizer organizer;
    private final Grid<CoreReminders.Rule> grid = new Grid<>();
    private final Paragraph status = new Paragraph();
    private final List<CoreReminders.Rule> rules = new ArrayList<>();
    private UUID eventId;

    private final Grid.Column<CoreReminders.Rule> removeColumn;

    public RemindersView(CoreClient core, CoreReminders reminders, CoreTeams teams, CurrentOrganizer organizer) {
        this.core = core;
        this.reminders = reminders;
        this.teams = teams;
        this.organizer = organizer;
        grid.addColumn(rule -> ReminderWording.kind(rule.kind())).setHeader("Reminder").setFlexGrow(2);
        grid.addColumn(rule -> ReminderWording.when(rule.kind(), rule.offset())).setHeader("When").setFlexGrow(2);
        grid.addColumn(rule -> ReminderWording.channels(rule.channels())).setHeader("Through");
        removeColumn = grid.addComponentColumn(rule -> {
            Button remove = new Button("Remove", click -> {
                rules.remove(rule);
                grid.setItems(rules);
                status.setText("Removed. Save to keep the change.");
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setFlexGrow(0).setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            eventId = UUID.fromString(event.getRouteParameters().get("id").orElseThrow());
            CoreEvent partyEvent = core.event(organizer.accessToken(), eventId);
            rules.clear();
            rules.addAll(reminders.rules(organizer.accessToken(), eventId));
            grid.setItems(rules);
            status.setText("");
            add(new H2(partyEvent.title() + ": reminders"),
                    new Paragraph("Sent by email and as notifications to guests who turned them on, once each, and "
                            + "never between 21:00 and 08:00 in the guest's own time zone (a reminder due then goes "
                            + "out at 08:00)."), grid);
            boolean changes = teams.roleOn(organizer.accessToken(), eventId).changes();
            removeColumn.setVisible(changes);
            if (changes) {
                add(addForm(), saveBar(partyEvent), status);
            }
            add(new Anchor("events/" + eventId + "/guests", "Back to the guest list"));
        } catch (IllegalArgumentException | java.util.NoSuchElementException | CoreClient.NotFound e) {
            add(new H2("No such event"));
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            add(new Paragraph("The Inviteflow core could not be reached. Reload the page to try again."));
        }
    }

    private HorizontalLayout addForm() {
        Select<String> kind = new Select<>();
        kind.setLabel("Reminder");
        kind.setItems(ReminderWording.KINDS);
        kind.setItemLabelGenerator(ReminderWording::kind);
        kind.setValue("BEFORE_EVENT");
        IntegerField amount = new IntegerField("How long");
        amount.setMin(1);
        amount.setValue(1);
        amount.setStepButtonsVisible(true);
        Select<String> unit = new Select<>();
        unit.setLabel("Unit");
        unit.setItems("minutes", "hours", "days");
        unit.setValue("days");
        CheckboxGroup<String> channels = new CheckboxGroup<>("Through");
        channels.setItems("EMAIL", "PUSH");
        channels.setItemLabelGenerator(ReminderWording::channel);
        channels.setValue(java.util.Set.of("EMAIL", "PUSH"));
        Button add = new Button("Add", click -> {
            if (amount.getValue() == null || amount.getValue() < 1 || channels.getValue().isEmpty()) {
                status.setText("Give a length of time and at least one channel.");
                return;
            }
            rules.add(new CoreReminders.Rule(null, kind.getValue(),
                    ReminderWording.duration(amount.getValue(), unit.getValue()),
                    channels.getValue().stream().sorted().toList()));
            grid.setItems(rules);
            status.setText("Added. Save to keep the change.");
        });
        HorizontalLayout form = new HorizontalLayout(kind, amount, unit, channels, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private HorizontalLayout saveBar(CoreEvent partyEvent) {
        Button save = new Button("Save schedule", click -> {
            try {
                List<CoreReminders.Rule> saved = reminders.replace(organizer.accessToken(), eventId, rules);
                rules.clear();
                rules.addAll(saved);
                grid.setItems(rules);
                status.setText("Saved: " + saved.size() + (saved.size() == 1 ? " reminder." : " reminders."));
            } catch (CoreClient.Refused e) {
                status.setText("Not saved: " + e.getMessage());
            } catch (CoreClient.CoreException e) {
                status.setText("The core could not be reached: nothing was saved. Try again.");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(!partyEvent.cancelled());
        return new HorizontalLayout(save);
    }
}
