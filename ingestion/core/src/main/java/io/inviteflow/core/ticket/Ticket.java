package io.inviteflow.core.ticket;

import java.time.Instant;
import java.util.UUID;

/** One admission. {@code checkedInDevice} names the scanner that let it in. */
public record Ticket(UUID id, UUID orderId, UUID tierId, String tierName, UUID eventId, String holderName,
                     String holderEmail, Status status, int codeVersion, Instant issuedAt, Instant checkedInAt,
                     String checkedInDevice) {

    public enum Status { VALID, CANCELLED, REFUNDED }

    /** The same ticket with its holder opened; an empty name or address for one that does not open. */
    Ticket withHolder(String name, String email) {
        return new Ticket(id, orderId, tierId, tierName, eventId, java.util.Objects.requireNonNullElse(name, ""),
                java.util.Objects.requireNonNullElse(email, ""), status, codeVersion, issuedAt, checkedInAt,
                checkedInDevice);
    }
}
