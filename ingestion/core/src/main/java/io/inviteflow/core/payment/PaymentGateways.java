package io.inviteflow.core.payment;

import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateways, by name. Buyers are offered the enabled ones that take the sale's currency; an order keeps the name
 * of the one it was opened with, and its holds and refunds go back to it even after it stopped being offered.
 */
@Component
public class PaymentGateways {

    public static final String STRIPE = StripeGateway.NAME;
    public static final String PAYPAL = PayPalGateway.NAME;

    private final Map<String, PaymentGateway> byName = new LinkedHashMap<>();
    private final boolean paypalOffered;

    PaymentGateways(StripeGateway stripe, PayPalGateway paypal, PaymentProperties properties) {
        byName.put(stripe.name(), stripe);
        byName.put(paypal.name(), paypal);
        this.paypalOffered = properties.paypal().enabled();
    }

    /** The gateway of an order (it kept the name). */
    public PaymentGateway named(String name) {
        PaymentGateway gateway = byName.get(name);
        if (gateway == null) {
            throw new IllegalStateException("no payment gateway " + name);
        }
        return gateway;
    }

    /** The gateway a buyer chose (Stripe when they chose none); 422 for one not offered for this currency. */
    public PaymentGateway chosen(String name, String currency) {
        String wanted = name == null || name.isBlank() ? STRIPE : name;
        if (!offered(currency).contains(wanted)) {
            throw Problems.unprocessable("gateway", "one of " + offered(currency));
        }
        return byName.get(wanted);
    }

    /** What buyers may pay with in this currency. */
    public List<String> offered(String currency) {
        return byName.values().stream()
                .filter(g -> !PAYPAL.equals(g.name()) || paypalOffered)
                .filter(g -> g.supports(currency))
                .map(PaymentGateway::name)
                .toList();
    }
}
