package io.inviteflow.core.order;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.payment.GatewayException;
import io.inviteflow.core.payment.PaymentGateway;
import io.inviteflow.core.payment.PaymentGateways;
import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.ticketing.Catalogue;
import io.inviteflow.core.ticketing.DiscountCode;
import io.inviteflow.core.ticketing.Money;
import io.inviteflow.core.ticketing.Pricing;
import io.inviteflow.core.ticketing.Quote;
import io.inviteflow.core.ticketing.TicketSettings;
import io.inviteflow.core.ticketing.TicketTier;
import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A guest buys tickets: the order takes its tickets (and its discount code's use) in one transaction, then a payment
 * is opened at the gateway — never inside a database transaction, so a slow gateway holds no locks. Paying confirms
 * that payment; the gateway's webhook confirms it too, and whichever comes first marks the order paid
 * ({@link Payments#paid}).
 */
@Service
class Checkout {

    private final Catalogue catalogue;
    private final Events events;
    private final GuestAccess guests;
    private final OrderRepository orders;
    private final Payments payments;
    private final PaymentGateways gateways;
    private final CoreProperties core;
    private final ActivityOutbox outbox;
    private final TransactionTemplate transaction;
    private final TicketsProperties properties;
    private final Clock clock;

    Checkout(Catalogue catalogue, Events events, GuestAccess guests, OrderRepository orders, Payments payments,
             PaymentGateways gateways, CoreProperties core, ActivityOutbox outbox, TransactionTemplate transaction,
             TicketsProperties properties, Clock clock) {
        this.catalogue = catalogue;
        this.events = events;
        this.guests = guests;
        this.orders = orders;
        this.payments = payments;
        this.gateways = gateways;
        this.core = core;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the event sells, as a guest sees it. */
    Shop shop(String token) {
        GuestAccess.Guest guest = guests.require(token);
        TicketSettings settings = catalogue.settings(guest.eventId())
                .orElseThrow(() -> Problems.notFound("ticket sale for event", guest.eventId()));
        Instant now = clock.instant();
        List<Shop.Tier> tiers = catalogue.tiers(guest.eventId()).stream()
                .map(t -> new Shop.Tier(t.id(), t.name(), t.description(), t.priceMinor(), t.available(),
                        t.onSale(now), t.minPerOrder(), t.maxPerOrder(), t.salesStart(), t.salesEnd(),
                        catalogue.included(t.id())))
                .toList();
        return new Shop(guest.eventId(), settings.currency(), settings.vatBasisPoints(), settings.feeFixedMinor(),
                settings.feeBasisPoints(), tiers, gateways.offered(settings.currency()));
    }

    Order place(String token, OrderRequests.Place request) {
        GuestAccess.Guest guest = guests.require(token);
        UUID id = transaction.execute(tx -> take(guest, request));
        Order order = orders.find(id).orElseThrow();
        if (order.status() == Order.Status.PENDING) {
            return openPayment(order, token);
        }
        return order;
    }

    /**
     * Takes the money for a pending order: with a card's payment method (Stripe), or the payment the buyer approved
     * on the provider's page (PayPal: {@code paymentMethod} null).
     */
    Order pay(String token, UUID orderId, String paymentMethod) {
        return pay(guestOrder(token, orderId), paymentMethod, token);
    }

    /**
     * PayPal's webhook says a buyer approved: capture now (they may have closed the window before coming back). An
     * order no longer pending, or gone, needs nothing: the return or the hold's end took care of it.
     */
    void approved(String gateway, String paymentReference) {
        orders.byPayment(gateway, paymentReference).flatMap(orders::find)
                .filter(order -> order.status() == Order.Status.PENDING)
                .filter(order -> clock.instant().isBefore(order.holdExpiresAt()))
                .ifPresent(order -> {
                    try {
                        pay(order, null, null);
                    } catch (ErrorResponseException refused) {
                        // declined or gone: the buyer sees it when they come back; the hold's end settles the rest
                    } catch (GatewayException e) {
                        payments.recordGatewayError("capture", order.id(), e); // the hold's end captures it
                    }
                });
    }

    private Order pay(Order order, String paymentMethod, String token) {
        UUID orderId = order.id();
        PaymentGateway gateway = gateways.named(order.gateway());
        if (order.status() == Order.Status.PAID) {
            return order; // paid already (a double tap, or the webhook came first)
        }
        if (events.find(order.eventId()).map(PartyEvent::cancelled).orElse(false)) {
            throw Problems.coded(Problems.conflict("the event is cancelled"), "cancelled");
        }
        if (order.status() != Order.Status.PENDING || !clock.instant().isBefore(order.holdExpiresAt())) {
            throw Problems.coded(Problems.conflict("the order's hold has expired: its tickets went back on sale"),
                    "holdExpired");
        }
        if (order.paymentReference() == null) { // the gateway was away when the order was placed
            try {
                order = open(order, token);
            } catch (GatewayException e) {
                throw payments.unavailable("open", orderId, e);
            }
            if (order.approveUrl() != null) {
                return order; // the buyer approves the new payment at the provider first
            }
        }
        if (paymentMethod == null && order.approveUrl() == null) {
            throw Problems.unprocessable("paymentMethod", "a card payment needs the payment method from "
                    + "the provider's browser library");
        }
        int attempt = transaction.execute(tx -> orders.nextAttempt(orderId));
        PaymentGateway.Outcome outcome;
        try {
            outcome = gateway.confirm(order.paymentReference(), paymentMethod,
                    "order-" + orderId + "-attempt-" + attempt);
        } catch (GatewayException e) {
            // a second tap while the first confirmation went through: the payment is not confirmable any more
            Optional<PaymentGateway.Succeeded> already = "payment_intent_unexpected_state".equals(e.code())
                    ? gateway.succeeded(order.paymentReference()) : Optional.empty();
            if (already.isEmpty()) {
                throw payments.unavailable("confirm", orderId, e);
            }
            outcome = already.get();
        }
        if (outcome instanceof PaymentGateway.Succeeded paid) {
            payments.paid(gateway.name(), paid);
            return orders.find(orderId).orElseThrow();
        }
        if (outcome instanceof PaymentGateway.AuthenticationRequired) {
            throw refusal(HttpStatus.PAYMENT_REQUIRED, "authenticationRequired", "the buyer's bank asks them to "
                    + "confirm the payment (3-D Secure): complete it with Stripe.js handleNextAction and the "
                    + "order's clientSecret, then pay again with the same payment method");
        }
        if (outcome instanceof PaymentGateway.Processing processing) {
            // taken but not settled: the gateway's webhook pays the order, or its hold's end asks again later
            throw refusal(HttpStatus.ACCEPTED, "paymentProcessing", "the payment provider is still processing the "
                    + "payment (" + processing.reason() + "); the order is paid when it completes");
        }
        PaymentGateway.Declined declined = (PaymentGateway.Declined) outcome;
        UUID eventId = order.eventId();
        int attemptMade = attempt;
        transaction.executeWithoutResult(tx -> outbox.record(new ActivityOutbox.Entry(
                ActivityType.ORDER_PAYMENT_FAILED, Payments.AGGREGATE, orderId, eventId,
                new Payloads.OrderPaymentFailed(declined.code(), attemptMade))));
        String next = order.approveUrl() == null ? " Try another card before the hold expires."
                : " Approve it again at the provider before the hold expires.";
        ErrorResponseException refusal = refusal(HttpStatus.PAYMENT_REQUIRED, "paymentDeclined",
                "the payment was declined: " + declined.message() + next);
        refusal.getBody().setProperty("declineCode", declined.code());
        if (order.approveUrl() != null) {
            refusal.getBody().setProperty("approveUrl", order.approveUrl());
        }
        throw refusal;
    }

    /** A problem+json answer about a payment that is not (yet) taken, with its code for the guest page's wording. */
    private static ErrorResponseException refusal(HttpStatus status, String code, String detail) {
        ErrorResponseException refusal = new ErrorResponseException(status,
                ProblemDetail.forStatusAndDetail(status, detail), null);
        refusal.getBody().setTitle(status.getReasonPhrase());
        return Problems.coded(refusal, code);
    }

    Order guestOrder(String token, UUID orderId) {
        GuestAccess.Guest guest = guests.require(token);
        return orders.find(orderId).filter(o -> guest.invitationId().equals(o.invitationId()))
                .orElseThrow(() -> Problems.notFound("order", orderId));
    }

    /** Places the order in the caller's transaction; returns its id. */
    private UUID take(GuestAccess.Guest guest, OrderRequests.Place request) {
        PartyEvent event = events.find(guest.eventId()).orElseThrow();
        if (event.cancelled()) {
            throw Problems.coded(Problems.conflict("the event is cancelled"), "cancelled");
        }
        TicketSettings settings = catalogue.settings(event.id())
                .orElseThrow(() -> Problems.notFound("ticket sale for event", event.id()));
        PaymentGateway gateway = gateways.chosen(request.gateway(), settings.currency());
        Instant now = clock.instant();
        List<Pricing.Item> items = new ArrayList<>();
        var seen = new HashSet<UUID>();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequests.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            if (!seen.add(line.tierId())) {
                throw Problems.unprocessable(field + ".tierId", "the tier appears twice: give one line per tier");
            }
            TicketTier tier = catalogue.tier(event.id(), line.tierId())
                    .orElseThrow(() -> Problems.unprocessable(field + ".tierId", "no tier " + line.tierId()
                            + " in this event"));
            if (!tier.onSale(now)) {
                throw Problems.coded(Problems.unprocessable(field + ".tierId", tier.name() + " is not on sale now"),
                        "notOnSale", tier.name());
            }
            if (line.quantity() < tier.minPerOrder() || line.quantity() > tier.maxPerOrder()) {
                throw Problems.coded(Problems.unprocessable(field + ".quantity", "between " + tier.minPerOrder()
                        + " and " + tier.maxPerOrder() + " " + tier.name() + " tickets per order"),
                        "perOrder", tier.name(), tier.minPerOrder(), tier.maxPerOrder());
            }
            items.add(new Pricing.Item(tier, line.quantity()));
        }
        DiscountCode code = request.discountCode() == null || request.discountCode().isBlank() ? null
                : checkCode(event.id(), request.discountCode().strip(), items, now);
        Quote quote = Pricing.quote(settings, items, code);
        UUID id = UUID.randomUUID();
        boolean free = quote.totalMinor() == 0;
        long minimum = Money.minimumCharge(quote.currency());
        if (!free && quote.totalMinor() < minimum) {
            throw Problems.coded(Problems.unprocessable("lines", "a card payment must be at least " + minimum
                    + " (minor units of " + quote.currency() + ")"), "belowMinimum");
        }
        orders.insert(id, event.id(), guest.invitationId(), request.buyerName().strip(), request.buyerEmail().strip(),
                Order.Status.PENDING, quote, code == null ? null : code.id(), now.plus(properties.hold()),
                free ? Payments.FREE : gateway.name());
        List<Payloads.OrderLine> lines = quote.lines().stream()
                .map(l -> new Payloads.OrderLine(l.tierId(), l.quantity(), l.unitPriceMinor(), l.discountMinor()))
                .toList();
        outbox.record(new ActivityOutbox.Entry(ActivityType.ORDER_PLACED, Payments.AGGREGATE, id, event.id(),
                new Payloads.OrderPlaced(guest.invitationId(), lines, quote.currency(), quote.subtotalMinor(),
                        quote.discountMinor(), quote.feeMinor(), quote.totalMinor(),
                        code == null ? null : code.code())));
        // the shared rows last: a tier's (and a code's) row stays locked only from here to the commit, so buyers of
        // one tier queue for the shortest time (on a busy machine, a longer locked section is a convoy)
        String ranOut = catalogue.takeAll(items);
        if (ranOut != null) {
            int left = items.stream().filter(item -> item.tier().name().equals(ranOut)).findFirst()
                    .flatMap(item -> catalogue.tier(event.id(), item.tier().id())).map(TicketTier::available)
                    .orElse(0);
            throw Problems.coded(Problems.conflict(left == 0 ? ranOut + " is sold out"
                    : "only " + left + " " + ranOut + " tickets are left"), left == 0 ? "soldOut" : "fewLeft",
                    ranOut, left);
        }
        if (code != null && !catalogue.use(code.id())) {
            throw Problems.coded(Problems.conflict("the code has been used up"), "codeUsedUp");
        }
        if (free) {
            payments.settleFree(id);
        }
        return id;
    }

    /** The code as typed, if it exists, is valid now and applies to the order; its use is counted at the end. */
    private DiscountCode checkCode(UUID eventId, String typed, List<Pricing.Item> items, Instant now) {
        DiscountCode code = catalogue.code(eventId, typed)
                .orElseThrow(() -> Problems.coded(Problems.unprocessable("discountCode", "no such code"),
                        "unknownCode"));
        if (!code.validAt(now)) {
            throw Problems.coded(Problems.unprocessable("discountCode", "the code is not valid now"), "codeExpired");
        }
        if (items.stream().noneMatch(item -> code.appliesTo(item.tier().id()))) {
            throw Problems.coded(Problems.unprocessable("discountCode", "the code is not for these tickets"),
                    "codeNotForTheseTickets");
        }
        if (code.maxUses() != null && code.used() >= code.maxUses()) {
            throw Problems.coded(Problems.conflict("the code has been used up"), "codeUsedUp");
        }
        return code;
    }

    /**
     * Opens the order's payment at its gateway (same payment again for the same order); the order waits if the
     * gateway is down. The buyer comes back from an approval page to the order's return address.
     */
    private Order openPayment(Order order, String token) {
        try {
            return open(order, token);
        } catch (GatewayException e) {
            payments.recordGatewayError("open", order.id(), e);
            return order; // paying later opens it again; the hold runs out if the gateway stays away
        }
    }

    private Order open(Order order, String token) {
        URI base = core.publicUrl().resolve("/i/" + token + "/orders/" + order.id() + "/");
        PaymentGateway.Payment payment = gateways.named(order.gateway()).open(new PaymentGateway.Opening(
                order.id(), order.totalMinor(), order.currency(), "Inviteflow order " + order.id(),
                order.buyerEmail(), new PaymentGateway.ReturnTo(base.resolve("approved"),
                base.resolve("turned-back"))));
        transaction.executeWithoutResult(tx -> orders.setPayment(order.id(), payment.reference(),
                payment.clientSecret(), payment.approveUrl()));
        return order.withPayment(payment.reference(), payment.clientSecret(), payment.approveUrl());
    }
}
