package io.inviteflow.console.guests;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreContacts;

import java.util.UUID;

/** Invites a contact list with a personalised message, after a preview of the page a guest will see. */
class InvitePanel extends VerticalLayout {

    private final ComboBox<CoreContacts.ContactList> list = new ComboBox<>("Contact list");
    private final TextArea message = new TextArea("Message ({firstName}, {eventTitle}, {eventDate}, {organizerName}…)");
    private final Paragraph result = new Paragraph();

    InvitePanel(CoreClient core, String token, UUID eventId, Runnable invited) {
        setPadding(false);
        list.setItems(core.contactLists(token));
        list.setItemLabelGenerator(l -> l.name() + " (" + l.size() + ")");
        message.setWidth("40rem");
        message.setValue("Hi {firstName}, you are invited to {eventTitle} on {eventDate}. {organizerName}");
        Button preview = new Button("Preview", click -> {
            try {
                String html = core.previewInvitation(token, eventId, "Ada Lovelace", message.getValue());
                IFrame frame = new IFrame();
                frame.getElement().setAttribute("srcdoc", html);
                frame.getElement().setAttribute("sandbox", "");
                frame.setWidth("24rem");
                frame.setHeight("40rem");
                Dialog dialog = new Dialog(frame);
                dialog.setHeaderTitle("As Ada Lovelace will see it");
                dialog.getFooter().add(new Button("Close", c -> dialog.close()));
                dialog.open();
            } catch (CoreClient.Refused e) {
                result.setText(e.getMessage());
            }
        });
        Button send = new Button("Invite the list", click -> {
            if (list.getValue() == null) {
                result.setText("Choose a contact list first.");
                return;
            }
            try {
                int n = core.inviteContactList(token, eventId, list.getValue().id(), message.getValue());
                result.setText(n + " invitations sent to " + list.getValue().name() + ".");
                invited.run();
            } catch (CoreClient.Refused e) {
                result.setText("Nobody was invited: " + e.getMessage());
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(list, message, preview, send);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row, result);
    }
}
