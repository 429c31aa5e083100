package io.inviteflow.console.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTickets;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Sales per tier, the orders with their refunds, and the gateway's failures; refreshed while the page is open. */
class SalesPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final CoreTickets tickets;
    private final String token;
    private final UUID eventId;
    private final Paragraph totals = new Paragraph();
    private final Paragraph status = new Paragraph();
    private final Grid<CoreTickets.TierSales> sales = new Grid<>();
    private final Grid<CoreTickets.Order> orders = new Grid<>();
    private final Grid<CoreTickets.GatewayError> errors = new Grid<>();
    private static final java.util.Map<String, String> PAID_WITH = java.util.Map.of("stripe", "Card (Stripe)",
            "paypal", "PayPal", "free", "Free");
    private String currency = "EUR";

    /** @param refunds whether the orders offer refunds (the owner's to give) */
    SalesPanel(CoreTickets tickets, String token, UUID eventId, boolean refunds) {
        this.tickets = tickets;
        this.token = token;
        this.eventId = eventId;
        setPadding(false);
        sales.addColumn(CoreTickets.TierSales::name).setHeader("Tier").setFlexGrow(2);
        sales.addColumn(CoreTickets.TierSales::sold).setHeader("Sold");
        sales.addColumn(CoreTickets.TierSales::held).setHeader("Held (unpaid)");
        sales.addColumn(CoreTickets.TierSales::refunded).setHeader("Refunded");
        sales.addColumn(CoreTickets.TierSales::left).setHeader("Left");
        sales.addColumn(s -> Amounts.format(s.revenueMinor(), currency)).setHeader("Revenue");
        sales.setAllRowsVisible(true);
        orders.addColumn(CoreTickets.Order::buyerName).setHeader("Buyer").setFlexGrow(2);
        orders.addColumn(CoreTickets.Order::buyerEmail).setHeader("Email").setFlexGrow(2);
        orders.addColumn(CoreTickets.Order::status).setHeader("Status");
        orders.addColumn(o -> Amounts.format(o.totalMinor(), o.currency())).setHeader("Total");
        orders.addColumn(o -> o.refundedMinor() == 0 ? "" : Amounts.format(o.refundedMinor(), o.currency()))
                .setHeader("Refunded");
        orders.addColumn(o -> o.paidAt() == null ? "" : WHEN.format(o.paidAt())).setHeader("Paid");
        orders.addColumn(o -> PAID_WITH.getOrDefault(o.gateway(), o.gateway())).setHeader("With");
        if (refunds) {
            orders.addComponentColumn(this::refundButton).setHeader("").setFlexGrow(0).setAutoWidth(true);
        }
        orders.setAllRowsVisible(true);
        errors.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("When");
        errors.addColumn(CoreTickets.GatewayError::operation).setHeader("Call");
        errors.addColumn(e -> e.code() == null ? "" : e.code()).setHeader("Code");
        errors.addColumn(CoreTickets.GatewayError::message).setHeader("Message").setFlexGrow(4);
        errors.setAllRowsVisible(true);
        add(totals, sales, new H3("Orders"), status, orders, new H3("Payment gateway errors"), errors);
    }

    void refresh(String eventCurrency) {
        currency = eventCurrency;
        List<CoreTickets.TierSales> perTier = tickets.sales(token, eventId);
        sales.setItems(perTier);
        long revenue = perTier.stream().mapToLong(CoreTickets.TierSales::revenueMinor).sum();
        int sold = perTier.stream().mapToInt(CoreTickets.TierSales::sold).sum();
        totals.setText(sold + " tickets sold, " + Amounts.format(revenue, currency) + " in ticket revenue.");
        orders.setItems(tickets.orders(token, eventId));
        errors.setItems(tickets.gatewayErrors(token, eventId));
    }

    private Button refundButton(CoreTickets.Order order) {
        Button button = new Button("Refund…", click -> openRefund(order));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        button.setEnabled("PAID".equals(order.status()));
        return button;
    }

    /** One dialog, one idempotency key: a double click or a retry is still one refund. */
    private void openRefund(CoreTickets.Order order) {
        String key = "console-" + UUID.randomUUID();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Refund " + order.buyerName());
        BigDecimalField amount = new BigDecimalField("Amount (empty: all that is left, "
                + Amounts.format(order.totalMinor() - order.refundedMinor(), order.currency()) + ")");
        amount.setWidthFull();
        Button confirm = new Button("Refund", click -> {
            try {
                tickets.refund(token, eventId, order.id(), amount.getValue() == null ? null
                        : Amounts.toMinor(amount.getValue(), order.currency()), key);
                status.setText("Refunded " + order.buyerName() + ".");
                dialog.close();
                refresh(currency);
            } catch (CoreClient.Refused e) {
                status.setText("Not refunded: " + e.getMessage());
                dialog.close();
            } catch (CoreClient.Unavailable e) {
                status.setText("The payment gateway did not answer: nothing was refunded. Try again.");
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(amount);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), confirm);
        dialog.open();
    }
}
