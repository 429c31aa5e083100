package io.inviteflow.batch.campaign;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.push.PushMessage;
import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.sms.SmsMessage;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * A campaign's text for one person: merge fields filled ({@code {firstName}}, {@code {name}}, {@code {eventTitle}},
 * {@code {link}}), a mail, a push and/or a text message per the campaign's channels, each once per person (ledger kind
 * {@code campaign/<id>/<channel>}). Every mail and text says how to get no more of them (a footer, and
 * List-Unsubscribe on mails). The
 * link goes through the campaign's click counter ({@code /i/<token>/c/<campaign>}) and the HTML part carries its
 * tracking pixel, so the campaign's results count opens and clicks. In an A/B test each person gets the version
 * the core drew for them. Pure.
 */
public class CampaignMessageProcessor implements ItemProcessor<CampaignRecipient, Outgoing> {

    private static final int PUSH_BODY = 140;
    /** Where {link} goes in the HTML part, made a link after the text around it was escaped. */
    private static final String LINK = "\u0000link\u0000";

    private final DueCampaign campaign;

    public CampaignMessageProcessor(DueCampaign campaign) {
        this.campaign = campaign;
    }

    @Override
    public Outgoing process(CampaignRecipient to) {
        return render(campaign.version(to.variant()), to, CampaignLinks.counted(to, campaign.id()));
    }

    /** One version of a campaign for one person, with its links leading where {@code links} say. */
    static Outgoing render(DueCampaign campaign, CampaignRecipient to, CampaignLinks links) {
        String kind = "campaign/" + campaign.id();
        Reminder email = null;
        if (campaign.channels().contains("EMAIL") && to.guestEmail() != null) {
            String link = links.click("email");
            String text = merge(campaign.message(), to, link);
            email = new Reminder(kind + "/email", to.invitationId(), to.eventId(), to.guestEmail(), to.guestName(),
                    merge(campaign.subject(), to, link),
                    text + "\n\n-- \nNo more news or offers at this address: " + links.stop() + "\n",
                    html(merge(HtmlUtils.htmlEscape(campaign.message()), escaped(to), LINK), link, links,
                            HtmlUtils.htmlEscape(to.eventTitle()), to.theme() == null ? MailTheme.NEUTRAL
                                    : to.theme().safe()))
                    .withStopUrl(links.stop());
        }
        PushMessage push = null;
        if (campaign.channels().contains("PUSH") && !to.push().isEmpty()) {
            String link = links.click("push");
            String body = merge(campaign.message(), to, link);
            push = new PushMessage(new Reminder(kind + "/" + ReminderActivities.PUSH, to.invitationId(), to.eventId(),
                    "web-push", to.guestName(), merge(campaign.subject(), to, link), body, null),
                    merge(campaign.subject(), to, link),
                    body.length() > PUSH_BODY ? body.substring(0, PUSH_BODY - 1) + "…" : body, link, to.push());
        }
        SmsMessage sms = null;
        if (campaign.channels().contains("SMS") && to.guestPhone() != null) {
            String text = text(merge(campaign.message(), to, links.click("sms")), links.stop());
            sms = new SmsMessage(new Reminder(kind + "/" + ReminderActivities.SMS, to.invitationId(), to.eventId(),
                    to.guestPhone(), to.guestName(), merge(campaign.subject(), to, ""), text, null), to.guestPhone(),
                    text);
        }
        return email == null && push == null && sms == null ? null : new Outgoing(email, push, sms);
    }

    /** The text message: the message, cut to fit if it must, and the way out (which is never cut). */
    private static String text(String message, String stop) {
        String footer = "\n\nNo more texts: " + stop;
        int room = SmsMessage.MAX_LENGTH - footer.length();
        String body = message.strip();
        // "..." rather than "…": one character outside the GSM alphabet makes the whole text UCS-2, twice the SMS
        int cut = room - 3;
        if (body.length() > room && Character.isHighSurrogate(body.charAt(cut - 1))) {
            cut--;
        }
        return (body.length() > room ? body.substring(0, cut) + "..." : body) + footer;
    }

    private static String merge(String text, CampaignRecipient to, String link) {
        String name = to.guestName() == null || to.guestName().isBlank() ? "there" : to.guestName().strip();
        return text.replace("{firstName}", name.split("\\s+")[0]).replace("{name}", name)
                .replace("{eventTitle}", to.eventTitle()).replace("{link}", link);
    }

    /** The person's own fields, escaped for the HTML part (the template itself is escaped before merging). */
    private static CampaignRecipient escaped(CampaignRecipient to) {
        return new CampaignRecipient(to.invitationId(), to.eventId(), HtmlUtils.htmlEscape(to.eventTitle()),
                to.guestName() == null ? null : HtmlUtils.htmlEscape(to.guestName()), to.guestEmail(), to.link(),
                to.push(), to.variant(), to.guestPhone(), to.theme());
    }

    /**
     * The HTML part in the invitation's theme: its page colour around a card of its surface colour, the event's title
     * in its heading font, links in its accent. Tables and inline styles, as mail clients need.
     */
    private static String html(String escapedBody, String link, CampaignLinks links, String escapedTitle,
                               MailTheme theme) {
        String href = HtmlUtils.htmlEscape(link);
        String pixel = links.pixel() == null ? "" : "<img src=\"" + HtmlUtils.htmlEscape(links.pixel())
                + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">\n";
        String linked = "<a href=\"" + href + "\" style=\"color:" + theme.accent() + ";font-weight:600\">" + href
                + "</a>";
        return """
                <!DOCTYPE html>
                <html><body style="margin:0;background:%1$s;color:%4$s;font-family:%6$s">
                <table role="presentation" width="100%%" cellpadding="0" cellspacing="0" style="background:%1$s"><tr>
                <td align="center" style="padding:24px 12px">
                <table role="presentation" width="100%%" cellpadding="0" cellspacing="0" style="max-width:560px;background:%2$s;border-top:6px solid %3$s;border-radius:12px"><tr>
                <td style="padding:24px;text-align:left">
                <h1 style="margin:0 0 16px;font-family:%5$s;font-size:22px;color:%4$s">%7$s</h1>
                <p style="margin:0;line-height:1.5">%8$s</p>
                </td></tr></table>
                <p style="color:#666;font-size:small"><a href="%9$s" style="color:#666">No more news or offers at this address</a></p>
                %10$s</td></tr></table>
                </body></html>
                """.formatted(theme.background(), theme.surface(), theme.accent(), theme.text(),
                theme.headingFont(), theme.bodyFont(), escapedTitle,
                escapedBody.replace("\n", "<br>").replace(LINK, linked), HtmlUtils.htmlEscape(links.stop()), pixel);
    }
}
