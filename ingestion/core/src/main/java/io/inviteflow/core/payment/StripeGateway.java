package io.inviteflow.core.payment;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Stripe through its official Java library: one PaymentIntent per order, confirmed with the buyer's payment method,
 * refunds against it. Every call carries an idempotency key; stripe-java retries network failures with the same key.
 */
@Component
class StripeGateway implements PaymentGateway {

    static final String NAME = "stripe";

    private final StripeClient stripe;

    StripeGateway(PaymentProperties properties) {
        PaymentProperties.Stripe config = properties.stripe();
        int timeout = (int) config.timeout().toMillis();
        this.stripe = StripeClient.builder()
                .setApiKey(config.apiKey())
                .setApiBase(config.apiBase())
                .setConnectTimeout(timeout)
                .setReadTimeout(timeout)
                .setMaxNetworkRetries(2)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Payment open(Opening opening) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(opening.amountMinor())
                .setCurrency(opening.currency().toLowerCase(Locale.ROOT))
                .setDescription(opening.description())
                .setReceiptEmail(opening.receiptEmail())
                .putMetadata("order_id", opening.orderId().toString())
                // confirmed on the server with the card the buyer's browser tokenised: no redirect methods, which
                // would need a return_url
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .build();
        PaymentIntent intent = call("open", () -> stripe.v1().paymentIntents().create(params,
                key("order-" + opening.orderId() + "-payment")));
        return new Payment(intent.getId(), intent.getClientSecret(), null);
    }

    @Override
    public Outcome confirm(String paymentReference, String paymentMethod, String idempotencyKey) {
        PaymentIntentConfirmParams params = PaymentIntentConfirmParams.builder()
                .setPaymentMethod(paymentMethod)
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().confirm(paymentReference, params, key(idempotencyKey));
            if ("succeeded".equals(intent.getStatus())) {
                return new Succeeded(intent.getId(), intent.getAmountReceived(), intent.getCurrency());
            }
            if ("requires_action".equals(intent.getStatus())) {
                return new AuthenticationRequired();
            }
            return new Declined(intent.getStatus(), "the payment needs " + intent.getStatus().replace('_', ' '));
        } catch (CardException e) {
            return new Declined(e.getCode(), e.getStripeError() == null ? e.getMessage()
                    : e.getStripeError().getMessage());
        } catch (StripeException e) {
            throw failure("confirm", e);
        }
    }

    @Override
    public java.util.Optional<Succeeded> succeeded(String paymentReference) {
        PaymentIntent intent = call("retrieve", () -> stripe.v1().paymentIntents().retrieve(paymentReference));
        return "succeeded".equals(intent.getStatus())
                ? java.util.Optional.of(new Succeeded(intent.getId(), intent.getAmountReceived(), intent.getCurrency()))
                : java.util.Optional.empty();
    }

    @Override
    public Cancellation cancel(String paymentReference) {
        try {
            stripe.v1().paymentIntents().cancel(paymentReference, PaymentIntentCancelParams.builder()
                    .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                    key("cancel-" + paymentReference));
            return new Cancelled();
        } catch (StripeException e) {
            if ("resource_missing".equals(e.getCode())) {
                return new Cancelled(); // no such payment at Stripe: nothing can ever be paid with it
            }
            if ("payment_intent_unexpected_state".equals(e.getCode())) {
                PaymentIntent intent = call("cancel", () -> stripe.v1().paymentIntents().retrieve(paymentReference));
                if ("succeeded".equals(intent.getStatus())) {
                    return new AlreadyPaid(new Succeeded(intent.getId(), intent.getAmountReceived(),
                            intent.getCurrency()));
                }
                if ("canceled".equals(intent.getStatus())) {
                    return new Cancelled();
                }
            }
            throw failure("cancel", e);
        }
    }

    @Override
    public GatewayRefund refund(String paymentReference, long amountMinor, String idempotencyKey, String reason) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(paymentReference)
                .setAmount(amountMinor)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("reason", reason)
                .build();
        var refund = call("refund", () -> stripe.v1().refunds().create(params, key(idempotencyKey)));
        return new GatewayRefund(refund.getId(), refund.getAmount());
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String operation, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw failure(operation, e);
        }
    }

    private static GatewayException failure(String operation, StripeException e) {
        return new GatewayException(NAME, e.getCode(), "Stripe " + operation + " failed: " + e.getMessage(), e);
    }
}
