package io.inviteflow.localstack.stripe;

import io.inviteflow.localstack.common.Ids;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Webhook event objects as Stripe posts them. */
final class Events {

    private Events() {
    }

    static String of(String type, ObjectNode object, String idempotencyKey) {
        ObjectNode event = StripeObjects.JSON.createObjectNode();
        event.put("id", Ids.next("evt"));
        event.put("object", "event");
        event.put("api_version", PaymentIntents.API_VERSION);
        event.put("created", System.currentTimeMillis() / 1000);
        event.putObject("data").set("object", object);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.put("id", Ids.next("req"));
        request.put("idempotency_key", idempotencyKey);
        event.put("type", type);
        return event.toString();
    }
}
