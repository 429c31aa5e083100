package io.inviteflow.core.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param stripe how to reach Stripe (or, on the local stack and in tests, the Stripe stand-in)
 */
@ConfigurationProperties("inviteflow.payments")
public record PaymentProperties(Stripe stripe) {

    /**
     * @param apiKey         secret API key ({@code sk_test_…} / {@code sk_live_…})
     * @param publishableKey the key the buyer's browser uses with Stripe.js
     * @param apiBase        {@code https://api.stripe.com}, or the stand-in's address
     * @param webhookSecret  the webhook endpoint's signing secret ({@code whsec_…})
     * @param timeout        connect and read timeout of one call
     */
    public record Stripe(String apiKey, String publishableKey, String apiBase, String webhookSecret,
                         Duration timeout) {
    }
}
