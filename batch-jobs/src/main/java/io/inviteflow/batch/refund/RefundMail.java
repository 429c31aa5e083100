package io.inviteflow.batch.refund;

import io.inviteflow.batch.reminder.Reminder;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

/**
 * The mail telling a buyer their money is on its way back. Sent through the reminders' delivery ledger under the kind
 * {@code refund/<order id>}: once per order, whatever the restarts.
 */
final class RefundMail {

    private RefundMail() {
    }

    static Reminder of(RefundableOrder order, long amountMinor, UUID partyEventId) {
        String amount = money(amountMinor, order.currency());
        String name = order.buyerName() == null || order.buyerName().isBlank() ? "there" : order.buyerName();
        String text = """
                Hi %s,

                %s was cancelled, so we refunded your order: %s go back to the card you paid with. Banks usually
                show it within 5 to 10 days. Your tickets are no longer valid.

                Order: %s

                -- Inviteflow
                """.formatted(name, order.eventTitle(), amount, order.orderId());
        String html = """
                <!DOCTYPE html>
                <html><body style="font-family:sans-serif">
                <p>Hi %s,</p>
                <p>%s was cancelled, so we refunded your order: <strong>%s</strong> go back to the card you paid
                with. Banks usually show it within 5 to 10 days. Your tickets are no longer valid.</p>
                <p style="color:#666">Order %s · Inviteflow</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(name), HtmlUtils.htmlEscape(order.eventTitle()),
                HtmlUtils.htmlEscape(amount), order.orderId());
        return new Reminder("refund/" + order.orderId(), order.invitationId(), partyEventId, order.buyerEmail(),
                order.buyerName(), "Refunded: " + order.eventTitle(), text, html);
    }

    /** 12345 EUR → "123.45 EUR"; currencies without minor units (JPY) have no decimals. */
    static String money(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
