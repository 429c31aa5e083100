package io.inviteflow.core.payment;

/**
 * A webhook event from a gateway, verified and read.
 *
 * @param succeeded the payment that succeeded ({@code payment_intent.succeeded}, {@code PAYMENT.CAPTURE.COMPLETED});
 *                  null for other types
 * @param approved  the payment the buyer approved and we may capture now ({@code CHECKOUT.ORDER.APPROVED}); null
 *                  for other types
 */
public record GatewayEvent(String gateway, String id, String type, PaymentGateway.Succeeded succeeded,
                           String approved) {
}
