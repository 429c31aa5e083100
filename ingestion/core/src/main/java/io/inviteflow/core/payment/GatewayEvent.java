package io.inviteflow.core.payment;

/**
 * A webhook event from a gateway, verified and read.
 *
 * @param succeeded the payment that succeeded, for {@code payment_intent.succeeded}; null for other types
 */
public record GatewayEvent(String gateway, String id, String type, PaymentGateway.Succeeded succeeded) {
}
