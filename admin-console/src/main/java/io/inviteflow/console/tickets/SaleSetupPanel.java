package io.inviteflow.console.tickets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTickets;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the event sells: currency, VAT and fee; the tiers; the discount codes. */
class SaleSetupPanel extends VerticalLayout {

    private final CoreTickets tickets;
    private final String token;
    private final UUID eventId;
    private final Runnable changed;
    private final Paragraph status = new Paragraph();
    private final Grid<CoreTickets.Tier> tiers = new Grid<>();
    private final Grid<CoreTickets.Code> codes = new Grid<>();
    private final Grid<CoreTickets.Item> items = new Grid<>();
    private final Select<CoreTickets.Item> bundleItem = new Select<>();
    private String currency;

    SaleSetupPanel(CoreTickets tickets, String token, UUID eventId, Runnable changed) {
        this.tickets = tickets;
        this.token = token;
        this.eventId = eventId;
        this.changed = changed;
        setPadding(false);
        CoreTickets.Settings settings = tickets.settings(token, eventId);
        currency = settings == null ? null : settings.currency();
        tiers.addColumn(CoreTickets.Tier::name).setHeader("Tier").setFlexGrow(2);
        tiers.addColumn(t -> Amounts.format(t.priceMinor(), currency)).setHeader("Price (VAT incl.)");
        tiers.addColumn(CoreTickets.Tier::quantity).setHeader("Quantity");
        tiers.addColumn(t -> t.minPerOrder() + "–" + t.maxPerOrder()).setHeader("Per order");
        tiers.setAllRowsVisible(true);
        codes.addColumn(CoreTickets.Code::code).setHeader("Code");
        codes.addColumn(c -> c.percentOff() != null ? c.percentOff() + " %" : Amounts.format(c.amountOffMinor(),
                currency)).setHeader("Off");
        codes.addColumn(c -> c.used() + (c.maxUses() == null ? "" : " of " + c.maxUses())).setHeader("Used");
        codes.setAllRowsVisible(true);
        items.addColumn(CoreTickets.Item::name).setHeader("Merchandise").setFlexGrow(2);
        items.addColumn(CoreTickets.Item::quantity).setHeader("Stock");
        items.addColumn(CoreTickets.Item::taken).setHeader("Sold or held");
        items.setAllRowsVisible(true);
        add(settingsForm(settings), status, new H3("Merchandise for bundles"), items, itemForm(), new H3("Tiers"),
                tiers, tierForm(), new H3("Discount codes"), codes, codeForm());
        refresh();
    }

    private VerticalLayout settingsForm(CoreTickets.Settings current) {
        TextField currencyField = new TextField("Currency");
        currencyField.setPattern("[A-Z]{3}");
        currencyField.setMaxLength(3);
        currencyField.setValue(current == null ? "EUR" : current.currency());
        BigDecimalField vat = new BigDecimalField("VAT included in prices (%)");
        vat.setValue(current == null ? BigDecimal.ZERO : BigDecimal.valueOf(current.vatBasisPoints(), 2));
        BigDecimalField feeFixed = new BigDecimalField("Service fee per ticket");
        feeFixed.setValue(current == null ? BigDecimal.ZERO : Amounts.toMajor(current.feeFixedMinor(),
                current.currency()));
        BigDecimalField feePercent = new BigDecimalField("Service fee (%)");
        feePercent.setValue(current == null ? BigDecimal.ZERO : BigDecimal.valueOf(current.feeBasisPoints(), 2));
        for (var field : List.of(vat, feeFixed, feePercent)) {
            field.setWidth("13em");
        }
        IntegerField cancelUntil = new IntegerField("Buyers may cancel until (hours before the start)");
        cancelUntil.setMin(0);
        cancelUntil.setPlaceholder("never");
        cancelUntil.setWidth("24em");
        cancelUntil.setValue(current == null ? null : current.cancelUntilHoursBefore());
        Checkbox transfers = new Checkbox("Buyers may give tickets to someone else",
                current == null || current.transfersAllowed());
        Button save = new Button(current == null ? "Start selling tickets" : "Save");
        save.addClickListener(click -> {
            try {
                String code = currencyField.getValue().strip().toUpperCase(java.util.Locale.ROOT);
                var saved = tickets.saveSettings(token, eventId, new CoreTickets.Settings(code,
                        basisPoints(vat.getValue()), Amounts.toMinor(orZero(feeFixed.getValue()), code),
                        basisPoints(feePercent.getValue()), transfers.getValue(), cancelUntil.getValue()));
                currency = saved.currency();
                save.setText("Save");
                status.setText("Saved.");
                refresh();
            } catch (CoreClient.Refused | IllegalArgumentException | ArithmeticException e) {
                status.setText("Not saved: " + e.getMessage());
            }
        });
        HorizontalLayout money = new HorizontalLayout(currencyField, vat, feeFixed, feePercent);
        HorizontalLayout rules = new HorizontalLayout(cancelUntil, transfers, save);
        money.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        rules.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(money, rules);
        form.setPadding(false);
        return form;
    }

    private HorizontalLayout tierForm() {
        TextField name = new TextField("New tier");
        name.setPlaceholder("Early bird");
        BigDecimalField price = new BigDecimalField("Price");
        IntegerField quantity = new IntegerField("Quantity");
        quantity.setMin(0);
        bundleItem.setLabel("Each ticket includes");
        bundleItem.setEmptySelectionAllowed(true);
        bundleItem.setEmptySelectionCaption("nothing (a plain ticket)");
        bundleItem.setItemLabelGenerator(item -> item == null ? "nothing (a plain ticket)" : "1 × " + item.name());
        Button add = new Button("Add tier", click -> {
            if (currency == null) {
                status.setText("Save the currency, VAT and fee first.");
                return;
            }
            try {
                tickets.addTier(token, eventId, name.getValue(), Amounts.toMinor(orZero(price.getValue()), currency),
                        quantity.getValue() == null ? 0 : quantity.getValue(),
                        bundleItem.getValue() == null ? null : bundleItem.getValue().id());
                name.clear();
                price.clear();
                quantity.clear();
                status.setText("Tier added: on sale now.");
                refresh();
                changed.run();
            } catch (CoreClient.Refused | ArithmeticException e) {
                status.setText("Not added: " + e.getMessage());
            }
        });
        HorizontalLayout row = new HorizontalLayout(name, price, quantity, bundleItem, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout itemForm() {
        TextField name = new TextField("New item");
        name.setPlaceholder("Festival T-shirt");
        IntegerField stock = new IntegerField("Stock");
        stock.setMin(0);
        Button add = new Button("Add item", click -> {
            try {
                tickets.addMerchandise(token, eventId, name.getValue(), stock.getValue() == null ? 0 : stock.getValue());
                name.clear();
                stock.clear();
                status.setText("Item added: a tier can now include it.");
                refresh();
            } catch (CoreClient.Refused e) {
                status.setText("Not added: " + e.getMessage());
            }
        });
        HorizontalLayout row = new HorizontalLayout(name, stock, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout codeForm() {
        TextField code = new TextField("New code");
        code.setPlaceholder("EARLY10");
        IntegerField percent = new IntegerField("% off");
        percent.setMin(1);
        percent.setMax(100);
        BigDecimalField amountOff = new BigDecimalField("or an amount off");
        IntegerField maxUses = new IntegerField("Uses (empty: unlimited)");
        maxUses.setMin(1);
        Button add = new Button("Add code", click -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("code", code.getValue());
            if (percent.getValue() != null) {
                fields.put("percentOff", percent.getValue());
            }
            if (amountOff.getValue() != null && currency != null) {
                fields.put("amountOffMinor", Amounts.toMinor(amountOff.getValue(), currency));
            }
            if (maxUses.getValue() != null) {
                fields.put("maxUses", maxUses.getValue());
            }
            try {
                tickets.addCode(token, eventId, fields);
                code.clear();
                status.setText("Code added.");
                refresh();
            } catch (CoreClient.Refused | ArithmeticException e) {
                status.setText("Not added: " + e.getMessage());
            }
        });
        HorizontalLayout row = new HorizontalLayout(code, percent, amountOff, maxUses, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void refresh() {
        List<CoreTickets.Item> merchandise = tickets.merchandise(token, eventId);
        items.setItems(merchandise);
        bundleItem.setItems(merchandise);
        if (currency == null) {
            return; // tiers and codes come after the currency
        }
        tiers.setItems(tickets.tiers(token, eventId));
        codes.setItems(tickets.codes(token, eventId));
    }

    private static int basisPoints(BigDecimal percent) {
        return orZero(percent).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
