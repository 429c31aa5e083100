package io.inviteflow.core.support;

import io.inviteflow.localstack.paypal.PayPalStandIn;
import io.inviteflow.localstack.stripe.StripeStandIn;
import io.inviteflow.testsupport.IsolatedStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Base of the core's integration tests: the real application on a random port, against the real PostgreSQL and
 * Kafka that {@code ./inviteflow test} starts. Each test JVM gets its own PostgreSQL schema and Kafka topic, so runs
 * never see each other's data (or a running demo's).
 */
// every test signs up and in from 127.0.0.1: the per-address limits are SignInRateLimitIT's to test (a dynamic
// property there overrides these)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inviteflow.sign-in.attempts-per-minute-per-address=100000",
        "inviteflow.sign-in.sign-ups-per-hour-per-address=100000",
        "inviteflow.security.admins=" + CoreIntegrationTest.ADMIN, "inviteflow.security.trust-configured-admins=true"})
public abstract class CoreIntegrationTest {

    /** The only admin (inviteflow.security.admins); {@link io.inviteflow.core.support.Api#adminToken} signs it up. */
    public static final String ADMIN = io.inviteflow.testsupport.CoreUnderTest.ADMIN;
    public static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** What the mail relay's reports are signed with in tests. */
    public static final String MAIL_FEEDBACK_SECRET = "mail-feedback-" + RUN;
    public static final String TOPIC = "inviteflow.activity.test-" + RUN;

    public static final String STRIPE_WEBHOOK_SECRET = "whsec_test_" + RUN;
    /** The Stripe stand-in (local-stack/stand-ins) the core takes card payments with; see {@link PaidEventTest}. */
    public static final StripeStandIn STRIPE = StripeStandIn.start(0, null, STRIPE_WEBHOOK_SECRET);
    public static final String PAYPAL_WEBHOOK_ID = "WH-TEST-" + RUN.toUpperCase();
    /** The PayPal stand-in (local-stack/stand-ins), with a request journal the tests read. */
    public static final PayPalStandIn PAYPAL = PayPalStandIn.start(0, null, PAYPAL_WEBHOOK_ID, true);

    /** One set of properties for every test class that adds none, so they share one application context. */
    @DynamicPropertySource
    static void isolatedStores(DynamicPropertyRegistry registry) {
        new IsolatedStores("core_test_" + RUN, TOPIC).springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("inviteflow.media.directory", () -> "target/test-media-" + RUN);
        registry.add("inviteflow.guest-opens.country-header", () -> "CF-IPCountry"); // as behind Cloudflare
        registry.add("inviteflow.mail-feedback.secret", () -> MAIL_FEEDBACK_SECRET);
        registry.add("inviteflow.payments.stripe.api-base", STRIPE::baseUrl);
        registry.add("inviteflow.payments.stripe.webhook-secret", () -> STRIPE_WEBHOOK_SECRET);
        registry.add("inviteflow.payments.paypal.api-base", PAYPAL::baseUrl);
        registry.add("inviteflow.payments.paypal.webhook-id", () -> PAYPAL_WEBHOOK_ID);
        registry.add("inviteflow.tickets.expiry-check-every", () -> "200ms");
    }
}
