package io.inviteflow.core.ticket;

import java.time.Instant;
import java.util.UUID;

/** One admission. {@code checkedInDevice} names the scanner that let it in. */
public record Ticket(UUID id, UUID orderId, UUID tierId, String tierName, UUID eventId, String holderName,
                     String holderEmail, Status status, int codeVersion, Instant issuedAt, Instant checkedInAt,
                     String checkedInDevice) {

    public enum Status { VALID, CANCELLED, REFUNDED }
}
