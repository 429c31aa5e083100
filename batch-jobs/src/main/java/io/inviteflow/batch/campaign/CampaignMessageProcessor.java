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
                    html(merge(HtmlUtils.htmlEscape(campaign.message()), escaped(to), LINK), link, links))
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
                to.push(), to.variant(), to.guestPhone());
    }

    private static String html(String escapedBody, String link, CampaignLinks links) {
        String href = HtmlUtils.htmlEscape(link);
        String pixel = links.pixel() == null ? "" : "<img src=\"" + HtmlUtils.htmlEscape(links.pixel())
                + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">\n";
        return """
                <!DOCTYPE html>
                <html><body style="font-family:sans-serif">
                <p>%s</p>
                <p style="color:#666;font-size:small"><a href="%s">No more news or offers at this address</a></p>
                %s</body></html>
                """.formatted(escapedBody.replace("\n", "<br>").replace(LINK, "<a href=\"" + href + "\">" + href
                + "</a>"), HtmlUtils.htmlEscape(links.stop()), pixel);
    }
}
