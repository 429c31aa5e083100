package io.inviteflow.console.campaigns;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.inviteflow.console.sending.BatchJobsClient;

import java.util.List;

/**
 * A campaign as its recipients will get it, per version and channel: the mail's subject, its HTML part (sandboxed:
 * no script, no outside request) and plain-text part, and the notification as a phone shows it.
 */
class CampaignPreviewDialog extends Dialog {

    CampaignPreviewDialog(List<BatchJobsClient.Version> versions, String sampleName) {
        setHeaderTitle("As " + sampleName + " will get it");
        setWidth("min(64rem, 95vw)");
        HorizontalLayout columns = new HorizontalLayout();
        columns.setWidthFull();
        for (BatchJobsClient.Version version : versions) {
            columns.add(column(version, versions.size() > 1));
        }
        add(columns);
        getFooter().add(new Button("Close", click -> close()));
    }

    private static VerticalLayout column(BatchJobsClient.Version version, boolean abTest) {
        VerticalLayout column = new VerticalLayout();
        column.setPadding(false);
        if (abTest) {
            column.add(new H4("Version " + version.variant()));
        }
        if (version.email() != null) {
            IFrame html = new IFrame();
            html.getElement().setAttribute("srcdoc", version.email().html());
            html.getElement().setAttribute("sandbox", "");
            html.setWidthFull();
            html.setHeight("16rem");
            Pre text = new Pre(version.email().text());
            text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
            column.add(new Paragraph(new Span("Email · "), new Span(version.email().subject())), html,
                    new Paragraph("Plain-text part, for mail clients that show no HTML:"), text);
        }
        if (version.push() != null) {
            Div notification = new Div(bold(version.push().title()), new Paragraph(version.push().body()));
            notification.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-s)")
                    .set("max-width", "22rem");
            column.add(new Paragraph("Notification (the guest's browser adds the site's name and icon):"),
                    notification);
        }
        if (version.sms() != null) {
            Pre text = new Pre(version.sms().body());
            text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)")
                    .set("max-width", "22rem").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-s)").set("background", "var(--lumo-contrast-5pct)");
            column.add(new Paragraph("Text message, " + version.sms().length() + " characters (to numbers given "
                    + "with their country code):"), text);
        }
        return column;
    }

    private static Span bold(String text) {
        Span span = new Span(text);
        span.getStyle().set("font-weight", "600");
        return span;
    }
}
