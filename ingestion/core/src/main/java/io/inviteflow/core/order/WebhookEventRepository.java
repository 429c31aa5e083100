package io.inviteflow.core.order;

import io.inviteflow.core.payment.GatewayEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Gateway webhook events already handled. */
@Repository
class WebhookEventRepository {

    private final JdbcClient jdbc;

    WebhookEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; false when it was recorded before (a redelivery or a replay). */
    boolean firstTime(GatewayEvent event) {
        return jdbc.sql("INSERT INTO payment_webhook_event (gateway, event_id, type) VALUES (:gateway, :id, :type) "
                        + "ON CONFLICT DO NOTHING")
                .param("gateway", event.gateway()).param("id", event.id()).param("type", event.type())
                .update() == 1;
    }
}
