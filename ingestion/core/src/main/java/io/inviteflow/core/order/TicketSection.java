package io.inviteflow.core.order;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.payment.PaymentGateways;
import io.inviteflow.core.payment.PaymentProperties;
import io.inviteflow.core.ticket.Ticket;
import io.inviteflow.core.ticket.Tickets;
import io.inviteflow.core.ticketing.Catalogue;
import io.inviteflow.core.ticketing.Merchandise;
import io.inviteflow.core.ticketing.Money;
import io.inviteflow.core.ticketing.TicketSettings;
import io.inviteflow.core.ticketing.TicketTier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/**
 * Tickets on the invitation page, for events that sell them: the guest's orders (pay a held one, download paid
 * tickets) and the shop (a plain form: works without script). The shop's numbers may be a second old — what is left
 * is decided when the order is placed, never from the page.
 */
@Component
class TicketSection implements GuestPageSection {

    static final String ID = "tickets";
    private static final String PAYPAL = PaymentGateways.PAYPAL;

    private final Catalogue catalogue;
    private final OrderRepository orders;
    private final PaymentProperties payments;
    private final PaymentGateways gateways;
    private final Tickets tickets;
    private final BuyerChanges changes;
    private final Clock clock;
    /** The guest page is the core's busiest path: events without a sale cost one lookup per second, not per view. */
    private final Cache<UUID, Optional<Sale>> sales = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1))
            .maximumSize(10_000).build();

    private record Sale(TicketSettings settings, List<TicketTier> tiers,
                        java.util.Map<UUID, List<Merchandise.Included>> includes) {
    }

    TicketSection(Catalogue catalogue, OrderRepository orders, PaymentProperties payments, PaymentGateways gateways,
                  Tickets tickets, BuyerChanges changes, Clock clock) {
        this.gateways = gateways;
        this.tickets = tickets;
        this.changes = changes;
        this.catalogue = catalogue;
        this.orders = orders;
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String render(GuestView view) {
        Optional<Sale> sale = sales.get(view.event().id(), id -> catalogue.settings(id)
                .map(settings -> {
                    List<TicketTier> tiers = catalogue.tiers(id);
                    return new Sale(settings, tiers, tiers.stream().collect(Collectors.toMap(TicketTier::id,
                            tier -> catalogue.included(tier.id()))));
                }).filter(s -> !s.tiers().isEmpty()));
        if (sale.isEmpty()) {
            return "";
        }
        GuestText t = view.text();
        GuestView.SectionNotice notice = view.noticeFor(ID);
        String alert = notice == null ? "" : notice.html();
        String orders = ordersOf(view, t);
        return """
                <section class="card" id="tickets" aria-labelledby="tickets-title">
                <h2 id="tickets-title">%s</h2>
                %s%s%s
                </section>
                %s""".formatted(t.html("tickets.title"), alert, orders,
                view.event().cancelled() ? "" : shop(view, t, sale.get()),
                orders.contains("class=\"card-payment\"") ? cardScripts() : "");
    }

    private String ordersOf(GuestView view, GuestText t) {
        List<Order> mine = orders.ofInvitation(view.invitationId());
        if (mine.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>").append(t.html("tickets.yourOrders")).append("</h3>");
        Instant now = clock.instant();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(t.locale())
                .withZone(ZoneId.of(view.event().timeZone()));
        for (Order order : mine) {
            String total = Money.format(order.totalMinor(), order.currency(), t.locale());
            html.append("<div class=\"order\"><p><strong>").append(htmlEscape(total)).append("</strong> · ")
                    .append(t.html("tickets.count", order.tickets())).append("</p>");
            boolean held = order.status() == Order.Status.PENDING && now.isBefore(order.holdExpiresAt());
            if (held) {
                html.append("<p>").append(t.html("tickets.held", time.format(order.holdExpiresAt()))).append("</p>")
                        .append(payForm(view, t, order));
            } else if (order.status() == Order.Status.PAID) {
                html.append("<p class=\"ok\">").append(t.html("tickets.paid")).append(" <a href=\"/i/")
                        .append(view.token()).append("/orders/").append(order.id()).append("/tickets.pdf\">")
                        .append(t.html("tickets.download")).append("</a></p>")
                        .append(paidOrder(view, t, order));
            } else if (order.status() == Order.Status.REFUNDED) {
                html.append("<p>").append(t.html("tickets.refunded",
                        Money.format(order.refundedMinor(), order.currency(), t.locale()))).append("</p>");
            } else {
                html.append("<p class=\"muted\">").append(t.html("tickets.expired")).append("</p>");
            }
            html.append("</div>");
        }
        return html.toString();
    }

    /** A paid order's tickets (each may be given away, if the host allows) and its cancellation while allowed. */
    private String paidOrder(GuestView view, GuestText t, Order order) {
        StringBuilder html = new StringBuilder();
        boolean transfers = catalogue.settings(order.eventId()).map(TicketSettings::transfersAllowed).orElse(false);
        for (Ticket ticket : tickets.ofOrder(order.id())) {
            html.append("<details><summary>").append(htmlEscape(ticket.tierName())).append(" · ")
                    .append(htmlEscape(ticket.holderName())).append("</summary>");
            if (transfers && ticket.status() == Ticket.Status.VALID && ticket.checkedInAt() == null) {
                String id = ticket.id().toString();
                html.append("""
                        <form method="post" action="/i/%s/orders/%s/tickets/%s/give">
                        <p><label for="give-name-%s">%s</label><input id="give-name-%s" name="name" maxlength="200" required></p>
                        <p><label for="give-email-%s">%s</label><input id="give-email-%s" type="email" name="email" maxlength="320" required></p>
                        <button type="submit" class="small">%s</button>
                        </form>""".formatted(view.token(), order.id(), id, id, t.html("tickets.giveName"), id, id,
                        t.html("tickets.giveEmail"), id, t.html("tickets.give")));
            }
            html.append("</details>");
        }
        if (changes.cancellationReason(order) != null) {
            html.append("""
                    <form method="post" action="/i/%s/orders/%s/cancel">
                    <button type="submit" class="small">%s</button>
                    </form>""".formatted(view.token(), order.id(), t.html("tickets.cancel")));
        }
        return html.toString();
    }

    private String payForm(GuestView view, GuestText t, Order order) {
        if (order.approveUrl() != null) {
            return "<p><a class=\"button\" href=\"" + htmlEscape(order.approveUrl()) + "\">"
                    + t.html("tickets.payPayPal") + "</a></p>";
        }
        if (order.paymentReference() == null && !PAYPAL.equals(order.gateway())) {
            return "<p class=\"muted\">" + t.html("tickets.payLater") + "</p>";
        }
        if (PAYPAL.equals(order.gateway())) { // PayPal was away when the order was placed: paying opens it now
            return """
                    <form method="post" action="/i/%s/orders/%s/pay">
                    <button type="submit">%s</button>
                    </form>""".formatted(view.token(), order.id(), t.html("tickets.payPayPal"));
        }
        // the card is typed into Stripe.js's field and never reaches us: the form carries the payment method it made
        return """
                <form method="post" action="/i/%s/orders/%s/pay" class="card-payment" data-key="%s" data-client-secret="%s" data-name="%s" data-email="%s">
                <p id="card-label-%s">%s</p>
                <div class="card-field" role="group" aria-labelledby="card-label-%s"><noscript><p class="muted">%s</p></noscript></div>
                <input type="hidden" name="paymentMethod">
                <p class="alert card-alert" role="alert" hidden></p>
                %s<button type="submit">%s</button>
                </form>""".formatted(view.token(), order.id(), htmlEscape(payments.stripe().publishableKey()),
                htmlEscape(order.clientSecret()), htmlEscape(order.buyerName()), htmlEscape(order.buyerEmail()),
                order.id(), t.html("tickets.card"), order.id(), t.html("tickets.cardNeedsScript"),
                payments.stripe().live() ? "" : "<p class=\"muted\">" + t.html("tickets.standIn") + "</p>\n",
                t.html("tickets.pay"));
    }

    /** Stripe.js, then the page's card form script: once per page, and only when a card form is on it. */
    private String cardScripts() {
        return "<script src=\"" + htmlEscape(payments.stripe().jsUrl()) + "\"></script>\n"
                + "<script src=\"/guest/card-payment.js\"></script>\n";
    }

    private String shop(GuestView view, GuestText t, Sale sale) {
        Instant now = clock.instant();
        StringBuilder rows = new StringBuilder();
        for (TicketTier tier : sale.tiers()) {
            String price = Money.format(tier.priceMinor(), sale.settings().currency(), t.locale());
            boolean buyable = tier.onSale(now) && tier.available() >= tier.minPerOrder();
            String state = !tier.onSale(now) ? t.html("tickets.notOnSale") : t.html("tickets.left", tier.available());
            StringBuilder options = new StringBuilder("<option value=\"0\">0</option>");
            for (int n = tier.minPerOrder(); buyable && n <= Math.min(tier.maxPerOrder(), tier.available()); n++) {
                options.append("<option>").append(n).append("</option>");
            }
            String bundle = sale.includes().getOrDefault(tier.id(), List.of()).stream()
                    .map(item -> " + " + (item.quantity() > 1 ? item.quantity() + " × " : "") + item.name())
                    .collect(Collectors.joining());
            rows.append("""
                    <p class="tier"><label for="qty-%s">%s%s · %s <span class="muted">(%s)</span></label>
                    <select id="qty-%s" name="qty-%s"%s>%s</select></p>
                    """.formatted(tier.id(), htmlEscape(tier.name()), htmlEscape(bundle), htmlEscape(price), state,
                    tier.id(), tier.id(),
                    buyable ? "" : " disabled", options));
        }
        String choice = !gateways.offered(sale.settings().currency()).contains(PAYPAL) ? "" : """
                <fieldset><legend>%s</legend>
                <p><label><input type="radio" name="gateway" value="stripe" checked> %s</label>
                <label><input type="radio" name="gateway" value="paypal"> PayPal</label></p>
                </fieldset>""".formatted(t.html("tickets.payWith"), t.html("tickets.card"));
        TicketSettings s = sale.settings();
        String terms = t.html("tickets.vat", s.vatBasisPoints() / 100.0)
                + (s.feeFixedMinor() > 0 || s.feeBasisPoints() > 0 ? " " + t.html("tickets.fee") : "");
        return """
                <form method="post" action="/i/%s/tickets">
                %s
                <p><label for="ticket-code">%s</label><input id="ticket-code" type="text" name="code" maxlength="64" autocomplete="off"></p>
                <p><label for="ticket-name">%s</label><input id="ticket-name" type="text" name="name" maxlength="200" required value="%s" autocomplete="name"></p>
                <p><label for="ticket-email">%s</label><input id="ticket-email" type="email" name="email" maxlength="320" required autocomplete="email"></p>
                %s<p class="muted">%s</p>
                <button type="submit">%s</button>
                </form>""".formatted(view.token(), rows, t.html("tickets.code"), t.html("tickets.buyerName"),
                htmlEscape(view.guestName()), t.html("tickets.buyerEmail"), choice, terms, t.html("tickets.order"));
    }
}
