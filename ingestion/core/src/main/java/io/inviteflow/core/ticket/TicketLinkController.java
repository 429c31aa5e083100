package io.inviteflow.core.ticket;

import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A holder's own link to their ticket ({@code /t/<code>/ticket.pdf}), for tickets given to someone else: the signed
 * code is the key, so the link opens only the current holder's valid ticket (a replaced or void code shows nothing).
 */
@RestController
class TicketLinkController {

    private final TicketCodes codes;
    private final Tickets tickets;
    private final TicketDocuments documents;

    TicketLinkController(TicketCodes codes, Tickets tickets, TicketDocuments documents) {
        this.codes = codes;
        this.tickets = tickets;
        this.documents = documents;
    }

    @GetMapping(value = "/t/{code}/ticket.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        Ticket ticket = codes.verify(code)
                .flatMap(verified -> tickets.find(verified.ticketId())
                        .filter(t -> t.codeVersion() == verified.version() && t.status() == Ticket.Status.VALID))
                .orElseThrow(() -> Problems.notFound("ticket", "for this link"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ticket-" + ticket.id() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.APPLICATION_PDF)
                .body(documents.pdf(ticket.eventId(), List.of(ticket)));
    }
}
