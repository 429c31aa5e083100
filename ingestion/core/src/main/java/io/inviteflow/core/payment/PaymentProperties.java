package io.inviteflow.core.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param stripe how to reach Stripe (or, on the local stack and in tests, the Stripe stand-in)
 * @param paypal how to reach PayPal (or its stand-in); buyers are offered PayPal only when a client id is set
 */
@ConfigurationProperties("inviteflow.payments")
public record PaymentProperties(Stripe stripe, PayPal paypal) {

    /**
     * @param apiKey         secret API key ({@code sk_test_…} / {@code sk_live_…})
     * @param publishableKey the key the buyer's browser uses with Stripe.js
     * @param apiBase        {@code https://api.stripe.com}, or the stand-in's address
     * @param webhookSecret  the webhook endpoint's signing secret ({@code whsec_…})
     * @param timeout        connect and read timeout of one call
     */
    public record Stripe(String apiKey, String publishableKey, String apiBase, String webhookSecret,
                         Duration timeout) {

        /** Stripe.js: Stripe's own for Stripe, the stand-in's copy (served at {@code /v3/}) for the stand-in. */
        public String jsUrl() {
            return live() ? "https://js.stripe.com/v3/" : apiBase + "/v3/";
        }

        /** True when this talks to Stripe itself rather than to the stand-in. */
        public boolean live() {
            return apiBase.startsWith("https://api.stripe.com");
        }
    }

    /**
     * @param clientId     the REST app's client id (blank: PayPal is not offered)
     * @param clientSecret the REST app's secret
     * @param apiBase      {@code https://api-m.paypal.com} (live), {@code https://api-m.sandbox.paypal.com}, or the
     *                     stand-in's address
     * @param webhookId    the id PayPal gave the webhook endpoint {@code /webhooks/paypal} (signatures name it)
     * @param brandName    the shop's name on PayPal's approval page
     * @param timeout      connect and read timeout of one call
     */
    public record PayPal(String clientId, String clientSecret, String apiBase, String webhookId, String brandName,
                         Duration timeout) {

        public boolean enabled() {
            return clientId != null && !clientId.isBlank();
        }
    }

    public PayPal paypal() {
        return paypal == null ? new PayPal(null, null, null, null, null, Duration.ofSeconds(10)) : paypal;
    }
}
