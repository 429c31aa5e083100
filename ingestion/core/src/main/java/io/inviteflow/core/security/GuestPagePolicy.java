package io.inviteflow.core.security;

import io.inviteflow.core.payment.PaymentProperties;

import java.net.URI;

/**
 * The Content-Security-Policy of what guests open (invitation pages, scanners, tickets): scripts only from this
 * origin and the card gateway's (no inline script anywhere, so an injected {@code <script>} or {@code onerror=} does not
 * run), its card fields' frames, images from here (and the browser's own previews), nothing may frame the pages, and
 * forms post only here (and on to PayPal's approval page: a ticket form answers with a redirect there, which
 * browsers hold to {@code form-action} too). Inline {@code <style>} stays allowed: each page carries its theme's colours.
 */
final class GuestPagePolicy {

    private GuestPagePolicy() {
    }

    static String of(PaymentProperties payments) {
        String gateway = gatewayOrigins(payments);
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'" + gateway,
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'" + gateway,
                "frame-src" + (gateway.isEmpty() ? " 'none'" : gateway),
                "worker-src 'self'",
                "manifest-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'" + approvalOrigin(payments),
                "frame-ancestors 'none'");
    }

    /** Where a PayPal buyer approves: PayPal's site (live or sandbox), or the stand-in's approval page. */
    private static String approvalOrigin(PaymentProperties payments) {
        PaymentProperties.PayPal paypal = payments.paypal();
        if (!paypal.enabled() || paypal.apiBase() == null || paypal.apiBase().isBlank()) {
            return "";
        }
        URI base = URI.create(paypal.apiBase());
        if (base.getHost() == null) {
            return "";
        }
        if (base.getHost().endsWith("sandbox.paypal.com")) {
            return " https://www.sandbox.paypal.com";
        }
        if (base.getHost().endsWith("paypal.com")) {
            return " https://www.paypal.com";
        }
        return " " + base.getScheme() + "://" + base.getAuthority();
    }

    /** Stripe.js, its API and its card frames; the stand-in's one origin for the stand-in. */
    private static String gatewayOrigins(PaymentProperties payments) {
        PaymentProperties.Stripe stripe = payments.stripe();
        if (stripe == null || stripe.apiBase() == null || stripe.apiBase().isBlank()) {
            return "";
        }
        if (stripe.live()) {
            return " https://js.stripe.com https://api.stripe.com https://hooks.stripe.com";
        }
        URI base = URI.create(stripe.apiBase());
        return " " + base.getScheme() + "://" + base.getAuthority();
    }
}
