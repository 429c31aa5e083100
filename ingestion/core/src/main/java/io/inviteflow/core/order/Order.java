package io.inviteflow.core.order;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A buyer's order. PENDING holds its tickets until {@code holdExpiresAt}; PAID has tickets; EXPIRED gave them back;
 * REFUNDED got all its money back ({@code refundedMinor} counts partial refunds too). How the buyer pays (Stripe's client
 * secret, or PayPal's page to approve at) is for the buyer's browser only, never written to organizers' order lists.
 */
public record Order(UUID id, UUID eventId, UUID invitationId, String buyerName, String buyerEmail, Status status,
                    String currency, long subtotalMinor, long discountMinor, long feeMinor, long vatMinor,
                    long totalMinor, long refundedMinor, UUID discountCodeId, Instant holdExpiresAt, String gateway,
                    String paymentReference, @JsonIgnore String clientSecret, @JsonIgnore String approveUrl,
                    int paymentAttempts, Instant createdAt,
                    Instant paidAt, List<Line> lines) {

    public enum Status { PENDING, PAID, EXPIRED, REFUNDED }

    public record Line(UUID tierId, int quantity, long unitPriceMinor, long discountMinor) {
    }

    /** The same order once its payment is opened at the gateway (saves reading it back). */
    Order withPayment(String reference, String secret, String approve) {
        return new Order(id, eventId, invitationId, buyerName, buyerEmail, status, currency, subtotalMinor,
                discountMinor, feeMinor, vatMinor, totalMinor, refundedMinor, discountCodeId, holdExpiresAt, gateway,
                reference, secret, approve, paymentAttempts, createdAt, paidAt, lines);
    }

    /** The same order with its buyer opened; an empty name or address for one that does not open. */
    Order withBuyer(String name, String email) {
        return new Order(id, eventId, invitationId, java.util.Objects.requireNonNullElse(name, ""),
                java.util.Objects.requireNonNullElse(email, ""), status, currency, subtotalMinor, discountMinor,
                feeMinor, vatMinor, totalMinor, refundedMinor, discountCodeId, holdExpiresAt, gateway,
                paymentReference, clientSecret, approveUrl, paymentAttempts, createdAt, paidAt, lines);
    }

    Order withLines(List<Line> orderLines) {
        return new Order(id, eventId, invitationId, buyerName, buyerEmail, status, currency, subtotalMinor,
                discountMinor, feeMinor, vatMinor, totalMinor, refundedMinor, discountCodeId, holdExpiresAt, gateway,
                paymentReference, clientSecret, approveUrl, paymentAttempts, createdAt, paidAt, List.copyOf(orderLines));
    }

    /** Tickets per tier. */
    public java.util.Map<UUID, Integer> ticketsPerTier() {
        return lines.stream().collect(java.util.stream.Collectors.toMap(Line::tierId, Line::quantity, Integer::sum));
    }

    public int tickets() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }
}
