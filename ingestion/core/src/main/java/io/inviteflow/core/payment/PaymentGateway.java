package io.inviteflow.core.payment;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment service provider, as orders and refunds need it. Every call that moves money carries an idempotency key
 * derived from our own records, so a retry after a crash or a timeout can never charge or refund twice.
 * <p>
 * Two ways to pay: the buyer's browser tokenises a card with the provider's script and the server confirms with it
 * (Stripe: {@link Payment#clientSecret}); or the buyer approves on the provider's page and comes back, and the server
 * captures (PayPal: {@link Payment#approveUrl}).
 */
public interface PaymentGateway {

    /** The name stored with orders and payments ({@code stripe}, {@code paypal}). */
    String name();

    /** Opens a payment for an order; calling it again for the same order returns the same payment. */
    Payment open(Opening opening);

    /**
     * Takes the money: with the buyer's payment method (a token from the provider's browser library), or, for
     * approval gateways, the payment the buyer approved ({@code paymentMethod} null).
     */
    Outcome confirm(String paymentReference, String paymentMethod, String idempotencyKey);

    /** The payment, if it has succeeded (read back after a confirmation the gateway refused as out of turn). */
    Optional<Succeeded> succeeded(String paymentReference);

    /** Cancels an unpaid payment so it can no longer succeed; tells when it already did. */
    Cancellation cancel(String paymentReference);

    /**
     * Ends a payment whose order can no longer be sold (its event was cancelled): like {@link #cancel}, except that a
     * gateway which would otherwise take an approved payment leaves it untaken.
     */
    default Cancellation abandon(String paymentReference) {
        return cancel(paymentReference);
    }

    /** Whether buyers may pay in this currency (ISO 4217) here. */
    default boolean supports(String currency) {
        return true;
    }

    /** Gives {@code amountMinor} back; the same key always means the same single refund. */
    GatewayRefund refund(String paymentReference, long amountMinor, String idempotencyKey, String reason);

    /**
     * What the gateway needs to open a payment.
     *
     * @param returnTo where the provider's approval page sends the buyer back (approval gateways only)
     */
    record Opening(UUID orderId, long amountMinor, String currency, String description, String receiptEmail,
                   ReturnTo returnTo) {
    }

    /** @param approved after the buyer approved; @param cancelled when they turned back */
    record ReturnTo(URI approved, URI cancelled) {
    }

    /**
     * @param clientSecret for the provider's browser script (Stripe.js), or null
     * @param approveUrl   the provider's page where the buyer approves (PayPal), or null
     */
    record Payment(String reference, String clientSecret, String approveUrl) {
    }

    /** What a payment attempt came to. */
    sealed interface Outcome {
    }

    record Succeeded(String reference, long amountReceivedMinor, String currency) implements Outcome {
    }

    /**
     * The buyer's bank wants them to confirm (3-D Secure): their browser does it with the provider's script, then the
     * payment succeeds (the webhook says so, or confirming again reads it back).
     */
    record AuthenticationRequired() implements Outcome {
    }

    /**
     * The provider took the payment but has not settled it yet (a PayPal capture PENDING: an eCheck, a review): the
     * order stays held, and the provider's webhook settles it either way.
     */
    record Processing(String reason) implements Outcome, Cancellation {
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
