package io.inviteflow.batch.refund;

import java.util.UUID;

/** A paid order with money left to refund, as the core's internal API lists it; amounts in minor units. */
record RefundableOrder(UUID orderId, UUID invitationId, String eventTitle, String buyerName, String buyerEmail,
                       String currency, long refundableMinor) {
}
