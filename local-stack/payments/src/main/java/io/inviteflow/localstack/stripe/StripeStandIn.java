package io.inviteflow.localstack.stripe;

import io.inviteflow.localstack.common.WebhookSender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

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
public final class StripeStandIn implements AutoCloseable {

    private final WireMockServer server;
    private final WebhookSender webhooks;

    private StripeStandIn(WireMockServer server, WebhookSender webhooks) {
        this.server = server;
        this.webhooks = webhooks;
    }

    /**
     * Starts on 127.0.0.1 with a request journal (every call kept: the gateway log tests count on); port 0 picks a
     * free one. Webhooks go to {@code webhookUrl} (none when null).
     */
    public static StripeStandIn start(int port, String webhookUrl, String webhookSecret) {
        return start(port, webhookUrl, webhookSecret, true);
    }

    /** As above; without a journal for a long-running stand-in (see {@link io.inviteflow.localstack.PaymentStandIns}). */
    public static StripeStandIn start(int port, String webhookUrl, String webhookSecret, boolean journal) {
        WebhookSender webhooks = new WebhookSender("stripe", webhookUrl == null ? null : URI.create(webhookUrl),
                new StripeSignature(webhookSecret));
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(port)
                .usingFilesUnderClasspath("stripe-standin")
                .containerThreads(64)
                .jettyAcceptors(2)
                .extensions(new StripeObjects(webhooks));
        if (!journal) {
            // a long-running stand-in keeps no journal: unbounded it fills the heap, and bounded WireMock scans all
            // of it on every request (that scan took four fifths of its CPU under load)
            options.disableRequestJournal();
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        return new StripeStandIn(server, webhooks);
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The underlying server: its request journal records every call the core made. */
    public WireMockServer server() {
        return server;
    }

    /** Where webhooks go from now on (a test learns its server's port only after starting this). */
    public void sendWebhooksTo(String url) {
        webhooks.endpoint(URI.create(url));
    }

    /** Webhooks are posted on other threads; this waits until every one sent so far got its answer. */
    public void awaitWebhooks() throws InterruptedException {
        webhooks.awaitIdle();
    }

    @Override
    public void close() {
        server.stop();
        webhooks.close();
    }

}
