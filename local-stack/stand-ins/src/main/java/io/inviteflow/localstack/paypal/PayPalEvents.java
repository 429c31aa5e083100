package io.inviteflow.localstack.paypal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.localstack.common.Ids;

import java.time.Instant;

/** Webhook event objects as PayPal posts them (event version 1.0, resource version 2.0). */
final class PayPalEvents {

    private PayPalEvents() {
    }

    static String of(String type, String resourceType, ObjectNode resource, String summary) {
        ObjectNode event = CheckoutOrders.JSON.createObjectNode();
        event.put("id", "WH-" + Ids.capitals(17) + "-" + Ids.capitals(17));
        event.put("event_version", "1.0");
        event.put("create_time", Instant.now().toString());
        event.put("resource_type", resourceType);
        event.put("resource_version", "2.0");
        event.put("event_type", type);
        event.put("summary", summary);
        event.set("resource", resource);
        return event.toString();
    }
}
