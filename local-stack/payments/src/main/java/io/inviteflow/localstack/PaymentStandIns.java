package io.inviteflow.localstack;

import io.inviteflow.localstack.paypal.PayPalStandIn;
import io.inviteflow.localstack.stripe.StripeStandIn;

/**
 * Runs the stand-ins of Stripe and PayPal in one JVM for the local stack ({@code ./inviteflow}), without request
 * journals so their memory stays flat. Neither is the real provider.
 * <p>
 * Usage: {@code java -cp 'target/inviteflow-local-payments.jar:target/lib/*' io.inviteflow.localstack.PaymentStandIns
 * <stripe-port> <stripe-webhook-url> <stripe-webhook-secret> <paypal-port> <paypal-webhook-url> <paypal-webhook-id>}
 */
public final class PaymentStandIns {

    private PaymentStandIns() {
    }

    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: PaymentStandIns <stripe-port> <stripe-webhook-url> <stripe-webhook-secret> "
                    + "<paypal-port> <paypal-webhook-url> <paypal-webhook-id>");
            System.exit(2);
        }
        StripeStandIn stripe = StripeStandIn.start(Integer.parseInt(args[0]), args[1], args[2], false);
        PayPalStandIn paypal = PayPalStandIn.start(Integer.parseInt(args[3]), args[4], args[5], false);
        System.out.println("Stripe stand-in (not Stripe) on " + stripe.baseUrl() + ", webhooks to " + args[1]);
        System.out.println("PayPal stand-in (not PayPal) on " + paypal.baseUrl() + ", webhooks to " + args[4]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stripe.close();
            paypal.close();
        }));
    }
}
