package io.inviteflow.core.payment;

import java.util.UUID;

/**
 * A payment service provider, as orders and refunds need it. Every call that moves money carries an idempotency key
 * derived from our own records, so a retry after a crash or a timeout can never charge or refund twice.
 */
public interface PaymentGateway {

    /** The name stored with orders and payments ({@code stripe}, {@code paypal}). */
    String name();

    /** Opens a payment for an order; calling it again for the same order returns the same payment. */
    Payment open(UUID orderId, long amountMinor, String currency, String description, String receiptEmail);

    /** Pays with the buyer's payment method (a token from the provider's browser library). */
    Outcome confirm(String paymentReference, String paymentMethod, String idempotencyKey);

    /** The payment, if it has succeeded (read back after a confirmation the gateway refused as out of turn). */
    java.util.Optional<Succeeded> succeeded(String paymentReference);

    /** Cancels an unpaid payment so it can no longer succeed; tells when it already did. */
    Cancellation cancel(String paymentReference);

    /** Gives {@code amountMinor} back; the same key always means the same single refund. */
    GatewayRefund refund(String paymentReference, long amountMinor, String idempotencyKey, String reason);

    record Payment(String reference, String clientSecret) {
    }

    /** What a payment attempt came to. */
    sealed interface Outcome {
    }

    record Succeeded(String reference, long amountReceivedMinor, String currency) implements Outcome {
    }

    /** The buyer's bank or card said no; {@code code} is the provider's ({@code card_declined}). */
    record Declined(String code, String message) implements Outcome {
    }

    /** What cancelling came to: {@link Cancelled}, or {@link AlreadyPaid} when the buyer was quicker. */
    sealed interface Cancellation {
    }

    record Cancelled() implements Cancellation {
    }

    record AlreadyPaid(Succeeded payment) implements Cancellation {
    }

    record GatewayRefund(String reference, long amountMinor) {
    }
}
