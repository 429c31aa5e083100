package io.inviteflow.localstack.paypal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stand-in's page where a payer approves an order (PayPal's {@code checkoutnow} page, reduced to what a test or a
 * demo needs): the amount, a funding source (the balance pays; the declined card lets the capture fail as a real
 * card can), approve or cancel. It says plainly that it is not PayPal.
 */
final class ApprovalPage {

    private ApprovalPage() {
    }

    static String html(JsonNode order) {
        String id = escape(order.path("id").asText());
        JsonNode amount = order.path("purchase_units").path(0).path("amount");
        String description = escape(order.path("purchase_units").path(0).path("description").asText(""));
        boolean waiting = "PAYER_ACTION_REQUIRED".equals(order.path("status").asText());
        String form = waiting ? """
                <form method="post" action="/checkoutnow/approve">
                <input type="hidden" name="token" value="%s">
                <p><label><input type="radio" name="funding" value="balance" checked> PayPal balance (pays)</label></p>
                <p><label><input type="radio" name="funding" value="declined-card"> Card ending 0002 (declined when captured)</label></p>
                <p><label><input type="radio" name="funding" value="echeck"> eCheck (pending, clears after 2 s)</label></p>
                <button type="submit">Agree and continue</button>
                </form>
                <form method="post" action="/checkoutnow/cancel">
                <input type="hidden" name="token" value="%s">
                <button type="submit">Cancel and return to the merchant</button>
                </form>""".formatted(id, id) : "<p>This order is " + escape(order.path("status").asText()) + ".</p>";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>PayPal stand-in — approve payment</title></head>
                <body style="font-family:sans-serif;max-width:32rem;margin:2rem auto">
                <p style="background:#fff3cd;padding:.5rem">Local stand-in of PayPal's approval page: no money moves.</p>
                <h1>%s %s</h1>
                <p>%s</p>
                %s
                </body></html>""".formatted(escape(amount.path("value").asText()),
                escape(amount.path("currency_code").asText()), description, form);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
