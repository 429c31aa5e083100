package io.inviteflow.console.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTickets;

import java.util.UUID;

/** The doors: how many are in, and the scanner links staff open on their phones (one per door). */
class DoorsPanel extends VerticalLayout {

    private final CoreTickets tickets;
    private final String token;
    private final UUID eventId;
    private final Paragraph count = new Paragraph();
    private final Grid<CoreTickets.Device> devices = new Grid<>();
    private final VerticalLayout issued = new VerticalLayout();

    DoorsPanel(CoreTickets tickets, String token, UUID eventId) {
        this.tickets = tickets;
        this.token = token;
        this.eventId = eventId;
        setPadding(false);
        issued.setPadding(false);
        devices.addColumn(CoreTickets.Device::name).setHeader("Scanner");
        devices.addColumn(d -> d.revokedAt() == null ? "active" : "revoked").setHeader("State");
        devices.setAllRowsVisible(true);
        TextField name = new TextField("New scanner");
        name.setPlaceholder("Door A");
        Button add = new Button("Make scanner link", click -> {
            try {
                CoreTickets.IssuedDevice device = tickets.addDevice(token, eventId, name.getValue());
                issued.add(new Paragraph("Open this on the phone at " + device.device().name()
                        + " (shown only now):"), new Anchor(device.scannerUrl(), device.scannerUrl()));
                name.clear();
                refresh();
            } catch (CoreClient.Refused e) {
                issued.add(new Paragraph("Not made: " + e.getMessage()));
            }
        });
        HorizontalLayout row = new HorizontalLayout(name, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(count, devices, row, issued);
    }

    void refresh() {
        CoreTickets.Attendance attendance = tickets.attendance(token, eventId);
        count.setText("Checked in: " + attendance.checkedIn() + " of " + attendance.tickets() + " valid tickets.");
        devices.setItems(tickets.devices(token, eventId));
    }
}
