package io.inviteflow.localstack.paypal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.inviteflow.localstack.common.WebhookSender;

import java.net.URI;
import java.net.ServerSocket;

/**
 * A local stand-in of PayPal's REST API — not PayPal. There is no internet here, so the tests and the demo take
 * PayPal payments against this server instead of {@code api-m.paypal.com}.
 * <p>
 * WireMock serves the endpoints the core calls ({@code paypal-standin/mappings}): the client-credentials token,
 * Orders v2 (create, show, capture), capture refunds and webhook signature verification; {@link CheckoutOrders} keeps
 * the state PayPal keeps; {@link ApprovalPage} stands in for the page where the payer approves. Webhooks are posted
 * with PayPal's transmission headers ({@link WebhookSignature}). WireMock's request journal is the gateway log tests
 * check.
 */
public final class PayPalStandIn implements AutoCloseable {

    private final WireMockServer server;
    private final WebhookSender webhooks;

    private PayPalStandIn(WireMockServer server, WebhookSender webhooks) {
        this.server = server;
        this.webhooks = webhooks;
    }

    /**
     * Starts on 127.0.0.1 (port 0 picks a free one); webhooks for the endpoint registered as {@code webhookId} go to
     * {@code webhookUrl} (none when null). {@code journal}: keep every request (tests), or none (a long-running demo).
     */
    public static PayPalStandIn start(int port, String webhookUrl, String webhookId, boolean journal) {
        int bound = port == 0 ? freePort() : port;
        String baseUrl = "http://127.0.0.1:" + bound;
        WebhookSignature signature = new WebhookSignature(webhookId, baseUrl + "/v1/notifications/certs/CERT-local");
        WebhookSender webhooks = new WebhookSender("paypal", webhookUrl == null ? null : URI.create(webhookUrl),
                signature);
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(bound)
                .usingFilesUnderClasspath("paypal-standin")
                .containerThreads(32)
                .jettyAcceptors(1)
                .extensions(new PayPalApi(new CheckoutOrders(webhooks, baseUrl), signature));
        if (!journal) {
            options.disableRequestJournal();
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        return new PayPalStandIn(server, webhooks);
    }

    /** The ids link back to this server, so its port is fixed before it starts. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
