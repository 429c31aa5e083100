package io.inviteflow.localstack.paypal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.inviteflow.localstack.common.StandInServer;
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
public final class PayPalStandIn extends StandInServer {

    private PayPalStandIn(WireMockServer server, WebhookSender webhooks) {
        super(server, webhooks);
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
        return new PayPalStandIn(serve(bound, "paypal-standin", 32, journal,
                new PayPalApi(new CheckoutOrders(webhooks, baseUrl), signature)), webhooks);
    }

    /** The ids link back to this server, so its port is fixed before it starts. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
