package io.inviteflow.core.order;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.invitation.NoticeNotes;
import io.inviteflow.core.ticketing.Catalogue;
import io.inviteflow.core.ticketing.TicketSettings;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tells buyers, in the notice about a change, that they may cancel for a full refund while a reschedule's window lasts. */
@Component
class RefundWindowNotes implements NoticeNotes {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private final Catalogue catalogue;
    private final Events events;
    private final OrderRepository orders;
    private final Clock clock;

    RefundWindowNotes(Catalogue catalogue, Events events, OrderRepository orders, Clock clock) {
        this.catalogue = catalogue;
        this.events = events;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Map<UUID, String> notes(UUID eventId, List<UUID> invitationIds) {
        TicketSettings settings = catalogue.settings(eventId).orElse(null);
        PartyEvent event = events.find(eventId).orElse(null);
        if (settings == null || event == null || event.cancelled() || settings.refundRequestsUntil() == null
                || !clock.instant().isBefore(settings.refundRequestsUntil().toInstant())) {
            return Map.of();
        }
        String until = UNTIL.format(settings.refundRequestsUntil().atZoneSameInstant(ZoneId.of(event.timeZone())))
                + " (" + event.timeZone() + " time)";
        String note = "You have tickets: if the new date does not suit you, you can cancel them on your invitation "
                + "page for a full refund until " + until + ".";
        return orders.buyersAmong(eventId, invitationIds).stream()
                .collect(Collectors.toMap(Function.identity(), id -> note));
    }
}
