package io.inviteflow.batch.reminder;

import org.springframework.batch.item.ItemProcessor;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns a pending invitation into the {@link Reminder} of kind {@value Reminder#UNANSWERED}. Pure: no I/O, no clock,
 * the same input always gives the same reminder (so a restart re-creates exactly what it would have sent).
 */
public class ReminderProcessor implements ItemProcessor<PendingInvitation, Reminder> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private final Double skipLikelyToAnswer;

    /** Reminds everybody pending. */
    public ReminderProcessor() {
        this(null);
    }

    /** @param skipLikelyToAnswer a guest at least this likely to answer anyway is left out (filtered); null: none is */
    public ReminderProcessor(Double skipLikelyToAnswer) {
        this.skipLikelyToAnswer = skipLikelyToAnswer;
    }

    /** Null (Spring Batch counts it as filtered) for a guest likely to answer without a reminder. */
    @Override
    public Reminder process(PendingInvitation invitation) {
        if (skipLikelyToAnswer != null && invitation.answerChance() != null
                && invitation.answerChance() >= skipLikelyToAnswer) {
            return null;
        }
        ZoneId zone = ZoneId.of(invitation.timeZone());
        ZonedDateTime local = invitation.startsAt().atZoneSameInstant(zone);
        String when = WHEN.format(local) + " (" + zone.getId() + " time)";
        String name = invitation.guestName() == null || invitation.guestName().isBlank() ? "there" : invitation.guestName();
        String title = invitation.eventTitle();
        return new Reminder(Reminder.UNANSWERED, invitation.invitationId(), invitation.partyEventId(),
                invitation.guestEmail(), invitation.guestName(),
                "Reminder: will you come to " + title + "?",
                text(name, title, when, invitation.link()),
                html(name, title, when, invitation.link())).stoppable(invitation.link());
    }

    private static String text(String name, String title, String when, String link) {
        return """
                Hi %s,

                you are invited to %s on %s, and we have not heard from you yet.
                Please let the host know whether you can come:

                %s

                -- Inviteflow
                No more reminders of this event: %s
                """.formatted(name, title, when, link, Reminder.stopUrlOf(link));
    }

    private static String html(String name, String title, String when, String link) {
        String href = HtmlUtils.htmlEscape(link);
        return """
                <!DOCTYPE html>
                <html><body style="font-family:sans-serif">
                <p>Hi %s,</p>
                <p>you are invited to <strong>%s</strong> on %s, and we have not heard from you yet.</p>
                <p><a href="%s">Answer the invitation</a></p>
                <p style="color:#666">Inviteflow · <a href="%s">No more reminders of this event</a></p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(name), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(when), href,
                HtmlUtils.htmlEscape(Reminder.stopUrlOf(link)));
    }
}
