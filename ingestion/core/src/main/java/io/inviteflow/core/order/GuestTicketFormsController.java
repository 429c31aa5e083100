package io.inviteflow.core.order;

import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.invitation.GuestPages;
import io.inviteflow.core.payment.PaymentGateways;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The invitation page's ticket forms (no script needed): order, then pay (or approve at PayPal and come back). Success
 * goes back to the page's ticket section (post/redirect/get); a refusal shows the page again with the reason in the
 * guest's language.
 */
@Controller
class GuestTicketFormsController {

    private static final String QUANTITY = "qty-";

    private final Checkout checkout;
    private final BuyerChanges changes;
    private final GuestPages pages;

    GuestTicketFormsController(Checkout checkout, BuyerChanges changes, GuestPages pages) {
        this.checkout = checkout;
        this.changes = changes;
        this.pages = pages;
    }

    @PostMapping(value = "/i/{token}/tickets", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> order(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
                                 HttpServletRequest request) {
        List<OrderRequests.Line> lines = new ArrayList<>();
        form.forEach((field, values) -> {
            if (field.startsWith(QUANTITY) && !values.isEmpty()) {
                int quantity = parse(values.get(0));
                if (quantity > 0) {
                    lines.add(new OrderRequests.Line(uuid(field.substring(QUANTITY.length())), quantity));
                }
            }
        });
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.tierId() == null || l.quantity() > 100)) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "tickets.choose");
        }
        String name = form.getFirst("name");
        String email = form.getFirst("email");
        if (name == null || name.isBlank() || name.length() > 200) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "tickets.needName");
        }
        if (!isEmail(email)) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "error.email");
        }
        String gateway = form.getFirst("gateway");
        if (gateway != null && !gateway.matches("[a-z]{1,20}")) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "tickets.chooseGateway");
        }
        try {
            return onwards(token, checkout.place(token, new OrderRequests.Place(lines, form.getFirst("code"), name,
                    email.strip(), gateway)));
        } catch (ErrorResponseException e) {
            return shown(e, token, request);
        }
    }

    /** The buyer approved at PayPal and comes back: the money is taken now (PayPal's {@code return_url}). */
    @GetMapping("/i/{token}/orders/{orderId}/approved")
    ResponseEntity<byte[]> approved(@PathVariable String token, @PathVariable UUID orderId,
                                    HttpServletRequest request) {
        return attempt(token, request, () -> checkout.pay(token, orderId, null));
    }

    /** The buyer turned back at PayPal ({@code cancel_url}): nothing was paid, the tickets stay held until the end. */
    @GetMapping("/i/{token}/orders/{orderId}/turned-back")
    ResponseEntity<byte[]> turnedBack(@PathVariable String token, @PathVariable UUID orderId,
                                      HttpServletRequest request) {
        checkout.guestOrder(token, orderId);
        return pages.show(HttpStatus.OK, token, request, new GuestView.SectionNotice(TicketSection.ID,
                pages.text(request).text("tickets.turnedBack"), false));
    }

    @PostMapping(value = "/i/{token}/orders/{orderId}/pay", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> pay(@PathVariable String token, @PathVariable UUID orderId,
                               @RequestParam(required = false) String paymentMethod, HttpServletRequest request) {
        boolean approval = PaymentGateways.PAYPAL.equals(checkout.guestOrder(token, orderId).gateway());
        if (!approval && (paymentMethod == null || !paymentMethod.matches("[A-Za-z0-9_]{1,255}"))) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "tickets.chooseCard");
        }
        try {
            return onwards(token, checkout.pay(token, orderId, approval ? null : paymentMethod));
        } catch (ErrorResponseException e) {
            return shown(e, token, request);
        }
    }

    @PostMapping(value = "/i/{token}/orders/{orderId}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> cancel(@PathVariable String token, @PathVariable UUID orderId, HttpServletRequest request) {
        return attempt(token, request, () -> changes.cancel(token, orderId));
    }

    @PostMapping(value = "/i/{token}/orders/{orderId}/tickets/{ticketId}/give",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> give(@PathVariable String token, @PathVariable UUID orderId, @PathVariable UUID ticketId,
                                @RequestParam(required = false) String name,
                                @RequestParam(required = false) String email, HttpServletRequest request) {
        if (name == null || name.isBlank() || name.length() > 200) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "tickets.needName");
        }
        if (!isEmail(email)) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "error.email");
        }
        try {
            BuyerChanges.Transferred given = changes.transfer(token, orderId, ticketId, name, email);
            return pages.show(HttpStatus.OK, token, request, new GuestView.SectionNotice(TicketSection.ID,
                    pages.text(request).text("tickets.given", given.holderName(), given.link()), false));
        } catch (ErrorResponseException e) {
            return shown(e, token, request);
        }
    }

    /** An order still waiting for the buyer's approval goes on to the provider's page; anything else back home. */
    private static ResponseEntity<byte[]> onwards(String token, Order order) {
        if (order.status() == Order.Status.PENDING && order.approveUrl() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(order.approveUrl())).build();
        }
        return GuestPages.backTo(token, TicketSection.ID);
    }

    private ResponseEntity<byte[]> attempt(String token, HttpServletRequest request, Runnable action) {
        try {
            action.run();
            return GuestPages.backTo(token, TicketSection.ID);
        } catch (ErrorResponseException e) {
            return shown(e, token, request);
        }
    }

    /** The page again with the refusal in the ticket section (an unknown order or link stays a plain 404). */
    private ResponseEntity<byte[]> shown(ErrorResponseException e, String token, HttpServletRequest request) {
        if (e.getStatusCode().value() == 404) {
            throw e;
        }
        return pages.show(HttpStatus.valueOf(e.getStatusCode().value()), token, request,
                new GuestView.SectionNotice(TicketSection.ID, pages.explain(e, request), true));
    }

    private ResponseEntity<byte[]> refused(HttpStatus status, String token, HttpServletRequest request, String key) {
        return pages.show(status, token, request,
                new GuestView.SectionNotice(TicketSection.ID, pages.text(request).text(key), true));
    }

    private static boolean isEmail(String value) {
        return value != null && value.length() <= 320 && value.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
