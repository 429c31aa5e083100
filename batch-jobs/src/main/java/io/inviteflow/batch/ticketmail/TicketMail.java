package io.inviteflow.batch.ticketmail;

import io.inviteflow.batch.reminder.Reminder;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The mail that brings a buyer their tickets, with the printable PDF attached. Pure: same order, same mail. */
final class TicketMail {

    static final String SLUG = "tickets";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private TicketMail() {
    }

    static Reminder of(TicketMailsClient.TicketMail m) {
        String name = m.buyerName() == null || m.buyerName().isBlank() ? "there" : m.buyerName();
        String when = WHEN.format(m.startsAt().atZoneSameInstant(ZoneId.of(m.timeZone()))) + " (" + m.timeZone()
                + " time)";
        String count = m.tickets() == 1 ? "Your ticket" : "Your " + m.tickets() + " tickets";
        String text = """
                Hi %s,

                %s for %s, %s, are attached: print them or show them on your phone at the door. Each QR code lets
                one person in, once.

                You can also open them here: %s

                -- Inviteflow
                """.formatted(name, count, m.eventTitle(), when, m.ticketsPdf());
        String html = """
                <!DOCTYPE html>
                <html><body style="font-family:sans-serif">
                <p>Hi %s,</p>
                <p>%s for <strong>%s</strong>, %s, are attached: print them or show them on your phone at the door.
                Each QR code lets one person in, once.</p>
                <p><a href="%s">Open your tickets</a></p>
                <p style="color:#666">Inviteflow</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(name), HtmlUtils.htmlEscape(count),
                HtmlUtils.htmlEscape(m.eventTitle()), HtmlUtils.htmlEscape(when), HtmlUtils.htmlEscape(m.ticketsPdf()));
        return new Reminder(SLUG + "/" + m.orderId(), m.invitationId(), m.eventId(), m.buyerEmail(), m.buyerName(),
                "Your tickets: " + m.eventTitle(), text, html, null, m.ticketsPdf());
    }
}
