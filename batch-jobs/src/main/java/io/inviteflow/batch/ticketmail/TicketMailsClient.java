package io.inviteflow.batch.ticketmail;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The core's internal API for ticket mails: one call per chunk of orders. */
@Component
class TicketMailsClient {

    private final RestClient core;

    TicketMailsClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    /** @param paid false when the order was refunded since; {@code ticketsPdf} the buyer's link to the PDF */
    record TicketMail(UUID orderId, UUID invitationId, UUID eventId, String eventTitle, OffsetDateTime startsAt,
                      String timeZone, String buyerName, String buyerEmail, int tickets, boolean paid,
                      String ticketsPdf) {
    }

    List<TicketMail> mails(List<UUID> orderIds) {
        return core.post().uri("/api/v1/internal/ticket-mails")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderIds", orderIds))
                .retrieve()
                .body(new ParameterizedTypeReference<List<TicketMail>>() {
                });
    }
}
