package io.inviteflow.core.payment;

import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gateways buyers may pay with, by name; an order keeps the name of the one it was opened with. */
@Component
public class PaymentGateways {

    private final Map<String, PaymentGateway> byName = new LinkedHashMap<>();

    PaymentGateways(StripeGateway stripe, PayPalGateway paypal, PaymentProperties properties) {
        byName.put(stripe.name(), stripe);
        if (properties.paypal().enabled()) {
            byName.put(paypal.name(), paypal);
        }
    }

    /** The gateway of an order (it kept the name). */
    public PaymentGateway named(String name) {
        PaymentGateway gateway = byName.get(name);
        if (gateway == null) {
            throw new IllegalStateException("no payment gateway " + name + " is configured");
        }
        return gateway;
    }

    /** The gateway a buyer chose (Stripe when they chose none); 422 for one not offered here. */
    public PaymentGateway chosen(String name) {
        if (name == null || name.isBlank()) {
            return byName.get(StripeGateway.NAME);
        }
        PaymentGateway gateway = byName.get(name);
        if (gateway == null) {
            throw Problems.unprocessable("gateway", "one of " + offered());
        }
        return gateway;
    }

    public List<String> offered() {
        return List.copyOf(byName.keySet());
    }

    public boolean offers(String name) {
        return byName.containsKey(name);
    }
}
