package io.inviteflow.core.order;

import io.inviteflow.core.ticket.Ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as its buyer sees it: what it costs, how to pay it while it is pending, its tickets once paid.
 *
 * @param payment how the buyer's browser pays (null once paid, or while the gateway is unreachable)
 */
record OrderView(UUID id, Order.Status status, String currency, List<Order.Line> lines, long subtotalMinor,
                 long discountMinor, long feeMinor, long vatMinor, long totalMinor, long refundedMinor,
                 Instant holdExpiresAt, Payment payment, List<TicketView> tickets) {

    /**
     * @param clientSecret for Stripe.js ({@code stripe.confirmCardPayment}); the publishable key goes with it
     * @param approveUrl   PayPal's page where the buyer approves; they come back to the order's
     *                     {@code /approved} address, which takes the money
     */
    record Payment(String gateway, String clientSecret, String publishableKey, String approveUrl) {
    }

    /** @param pdf the printable ticket with its QR code */
    record TicketView(UUID id, UUID tierId, String tierName, String holderName, Ticket.Status status, String pdf,
                      Instant checkedInAt) {
    }
}
