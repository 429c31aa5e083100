package io.inviteflow.core.order;

import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.invitation.GuestPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The invitation page's ticket forms (no script needed): order, then pay. Success goes back to the page's ticket
 * section (post/redirect/get); a refusal shows the page again with the reason in the guest's language.
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
        return attempt(token, request, () -> checkout.place(token, new OrderRequests.Place(lines,
                form.getFirst("code"), name, email.strip())));
    }

    @PostMapping(value = "/i/{token}/orders/{orderId}/pay", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> pay(@PathVariable String token, @PathVariable UUID orderId,
                               @RequestParam(required = false) String paymentMethod, HttpServletRequest request) {
        if (paymentMethod == null || !paymentMethod.matches("[A-Za-z0-9_]{1,255}")) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, token, request, "tickets.chooseCard");
        }
        return attempt(token, request, () -> checkout.pay(token, orderId, paymentMethod));
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
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            return pages.show(HttpStatus.valueOf(e.getStatusCode().value()), token, request,
                    new GuestView.SectionNotice(TicketSection.ID, pages.explain(e, request), true));
        }
    }

    private ResponseEntity<byte[]> attempt(String token, HttpServletRequest request, Runnable action) {
        try {
            action.run();
            return GuestPages.backTo(token, TicketSection.ID);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            return pages.show(HttpStatus.valueOf(e.getStatusCode().value()), token, request,
                    new GuestView.SectionNotice(TicketSection.ID, pages.explain(e, request), true));
        }
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
