package io.inviteflow.localstack.stripe;

import io.inviteflow.localstack.common.FormBody;
import io.inviteflow.localstack.common.Ids;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Refunds of a PaymentIntent's charge, in full or in part, never beyond what was received. */
final class Refunds {

    private final PaymentIntents paymentIntents;

    Refunds(PaymentIntents paymentIntents) {
        this.paymentIntents = paymentIntents;
    }

    ObjectNode create(ObjectNode refund, Map<String, String> form) {
        String intent = form.get("payment_intent");
        if (intent == null) {
            throw StripeError.invalid("parameter_missing", "One of the following params should be provided for this "
                    + "request: payment_intent or charge.", "payment_intent");
        }
        PaymentIntents.Refunded done = paymentIntents.refund(intent, form.get("amount"));
        refund.put("id", Ids.next("re"));
        refund.put("amount", done.amount());
        refund.put("currency", done.paymentIntent().path("currency").asText());
        refund.put("payment_intent", intent);
        refund.put("charge", done.paymentIntent().path("latest_charge").asText());
        refund.put("created", System.currentTimeMillis() / 1000);
        refund.put("reason", form.get("reason"));
        refund.put("status", "succeeded");
        ObjectNode metadata = refund.putObject("metadata");
        FormBody.nested(form, "metadata").forEach(metadata::put);
        return refund;
    }
}
