package io.inviteflow.console.layout;

import com.vaadin.flow.component.Component;

import java.time.ZoneId;
import java.util.function.Consumer;

/** The organizer's own time zone, their browser's (the server's may be UTC). */
public final class BrowserZone {

    private BrowserZone() {
    }

    /** Each time {@code view} is attached, hands over the browser's zone (the server's when it names none known). */
    public static void follow(Component view, Consumer<ZoneId> zone) {
        view.addAttachListener(attach -> attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            ZoneId found;
            try {
                found = ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException e) {
                found = ZoneId.systemDefault();
            }
            zone.accept(found);
        }));
    }
}
