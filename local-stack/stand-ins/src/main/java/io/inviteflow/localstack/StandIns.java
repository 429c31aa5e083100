package io.inviteflow.localstack;

import io.inviteflow.localstack.paypal.PayPalStandIn;
import io.inviteflow.localstack.stripe.StripeStandIn;
import io.inviteflow.localstack.twilio.TwilioStandIn;

/**
 * Runs the stand-ins of the paid services (Stripe, PayPal, Twilio) in one JVM for the local stack
 * ({@code ./inviteflow}), without request journals so their memory stays flat. None is the real provider.
 * <p>
 * Usage: {@code java -cp 'target/inviteflow-local-stand-ins.jar:target/lib/*' io.inviteflow.localstack.StandIns
 * <stripe-port> <stripe-webhook-url> <stripe-webhook-secret> <paypal-port> <paypal-webhook-url> <paypal-webhook-id>
 * <twilio-port> <twilio-account-sid> <twilio-auth-token>}
 */
public final class StandIns {

    private StandIns() {
    }

    public static void main(String[] args) {
        if (args.length != 9) {
            System.err.println("usage: StandIns <stripe-port> <stripe-webhook-url> <stripe-webhook-secret> "
                    + "<paypal-port> <paypal-webhook-url> <paypal-webhook-id> "
                    + "<twilio-port> <twilio-account-sid> <twilio-auth-token>");
            System.exit(2);
        }
        StripeStandIn stripe = StripeStandIn.start(Integer.parseInt(args[0]), args[1], args[2], false);
        PayPalStandIn paypal = PayPalStandIn.start(Integer.parseInt(args[3]), args[4], args[5], false);
        TwilioStandIn twilio = TwilioStandIn.start(Integer.parseInt(args[6]), args[7], args[8], false);
        System.out.println("Stripe stand-in (not Stripe) on " + stripe.baseUrl() + ", webhooks to " + args[1]);
        System.out.println("PayPal stand-in (not PayPal) on " + paypal.baseUrl() + ", webhooks to " + args[4]);
        System.out.println("Twilio stand-in (not Twilio) on " + twilio.baseUrl() + " for account " + args[7]
                + ", status callbacks where each message asks");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stripe.close();
            paypal.close();
            twilio.close();
        }));
    }
}
