package io.inviteflow.localstack.stripe;

import io.inviteflow.localstack.common.WebhookSender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.inviteflow.localstack.common.StandInServer;

import java.net.URI;

/**
 * A local stand-in of Stripe's HTTP API — not Stripe. There is no internet here, so the tests and the demo run the
 * official {@code stripe-java} library against this server instead of {@code api.stripe.com}.
 * <p>
 * WireMock serves the endpoints the core calls ({@code stripe-standin/mappings}: request matchers and the response
 * objects as Stripe's API reference documents them); {@link StripeObjects} keeps the state Stripe keeps (a
 * PaymentIntent's status, what was refunded), replays a repeated {@code Idempotency-Key} like Stripe does, and
 * {@link WebhookSender} posts signed events to the configured endpoint. Test payment methods follow Stripe's test mode:
 * {@code pm_card_visa} succeeds, {@code pm_card_chargeDeclined} is declined. WireMock's request journal is the
 * "gateway log" tests check (for example: every paid order refunded exactly once).
 */
public final class StripeStandIn extends StandInServer {

    private StripeStandIn(WireMockServer server, WebhookSender webhooks) {
        super(server, webhooks);
    }

    /**
     * Starts on 127.0.0.1 with a request journal (every call kept: the gateway log tests count on); port 0 picks a
     * free one. Webhooks go to {@code webhookUrl} (none when null).
     */
    public static StripeStandIn start(int port, String webhookUrl, String webhookSecret) {
        return start(port, webhookUrl, webhookSecret, true);
    }

    /** As above; without a journal for a long-running stand-in (see {@link io.inviteflow.localstack.StandIns}). */
    public static StripeStandIn start(int port, String webhookUrl, String webhookSecret, boolean journal) {
        WebhookSender webhooks = new WebhookSender("stripe", webhookUrl == null ? null : URI.create(webhookUrl),
                new StripeSignature(webhookSecret));
        return new StripeStandIn(serve(port, "stripe-standin", 64, journal, new StripeObjects(webhooks)), webhooks);
    }
}
