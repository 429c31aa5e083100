package io.inviteflow.core.security;

import io.inviteflow.core.payment.PaymentProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GuestPagePolicyTest {

    @Test
    void scriptsComeFromThisOriginAndStripeOnlyAndNothingInline() {
        Map<String, String> live = directives(policy("https://api.stripe.com"));
        assertThat(live.get("script-src")).isEqualTo("'self' https://js.stripe.com https://api.stripe.com https://hooks.stripe.com");
        assertThat(live.get("frame-src")).contains("https://js.stripe.com").doesNotContain("'self'");
        assertThat(live.values()).noneMatch(v -> v.contains("unsafe-eval"));
        assertThat(live.get("script-src")).doesNotContain("unsafe-inline");
        assertThat(live).containsEntry("frame-ancestors", "'none'").containsEntry("object-src", "'none'")
                .containsEntry("base-uri", "'none'").containsEntry("form-action", "'self'");
    }

    @Test
    void theStandInIsOneOriginOfItsOwn() {
        Map<String, String> standIn = directives(policy("http://127.0.0.1:4242"));
        assertThat(standIn.get("script-src")).isEqualTo("'self' http://127.0.0.1:4242");
        assertThat(standIn.get("connect-src")).isEqualTo("'self' http://127.0.0.1:4242");
    }

    @Test
    void formsMayGoOnToPayPalsApprovalPageWhenPayPalIsOffered() {
        assertThat(directives(policy("https://api.stripe.com", "https://api-m.paypal.com")).get("form-action"))
                .isEqualTo("'self' https://www.paypal.com");
        assertThat(directives(policy("https://api.stripe.com", "https://api-m.sandbox.paypal.com")).get("form-action"))
                .isEqualTo("'self' https://www.sandbox.paypal.com");
        assertThat(directives(policy("https://api.stripe.com", "http://127.0.0.1:4243")).get("form-action"))
                .isEqualTo("'self' http://127.0.0.1:4243");
        assertThat(directives(policy("https://api.stripe.com")).get("form-action")).isEqualTo("'self'");
    }

    private static String policy(String stripeApiBase) {
        return GuestPagePolicy.of(new PaymentProperties(new PaymentProperties.Stripe("sk", "pk", stripeApiBase, "wh",
                Duration.ofSeconds(5)), null));
    }

    private static String policy(String stripeApiBase, String payPalApiBase) {
        return GuestPagePolicy.of(new PaymentProperties(new PaymentProperties.Stripe("sk", "pk", stripeApiBase, "wh",
                Duration.ofSeconds(5)), new PaymentProperties.PayPal("client", "secret", payPalApiBase, "WH", "Shop",
                Duration.ofSeconds(5))));
    }

    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split("; ")).collect(Collectors.toMap(d -> d.substring(0, d.indexOf(' ')),
                d -> d.substring(d.indexOf(' ') + 1)));
    }
}
