package io.inviteflow.batch.confirmation;

import io.inviteflow.batch.reminder.Reminder;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The mail that confirms an answer, with the guest's calendar entry attached for a YES or MAYBE. Pure: the same
 * answer always gives the same mail, so a restarted job re-creates exactly what it would have sent.
 */
final class ConfirmationMail {

    /** The ledger kind's prefix and the REMINDER_SENT activity's {@code reminderKind}. */
    static final String SLUG = "answer-confirmed";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private ConfirmationMail() {
    }

    static Reminder of(UUID activityId, AnswerConfirmation a) {
        String name = a.guestName() == null || a.guestName().isBlank() ? "there" : a.guestName();
        String when = WHEN.format(a.startsAt().atZoneSameInstant(ZoneId.of(a.timeZone()))) + " (" + a.timeZone()
                + " time)";
        String answer = switch (a.response()) {
            case "YES" -> "WAITLISTED".equals(a.attendance())
                    ? "you would like to come" + plusOnes(a) + ", and you are on the waitlist: we will tell you as "
                    + "soon as a place frees up"
                    : "you are coming" + plusOnes(a) + ". See you there";
            case "MAYBE" -> "you might come" + plusOnes(a) + ". The calendar entry is marked tentative";
            default -> "you cannot come. Thank you for letting the host know";
        };
        String subject = ("NO".equals(a.response()) ? "Answer received: " : "You answered: ") + a.eventTitle();
        String text = """
                Hi %s,

                thank you for answering the invitation to %s: %s.

                When: %s

                Change your answer at any time: %s

                -- Inviteflow
                """.formatted(name, a.eventTitle(), answer, when, a.link());
        String html = """
                <!DOCTYPE html>
                <html><body style="font-family:sans-serif">
                <p>Hi %s,</p>
                <p>thank you for answering the invitation to <strong>%s</strong>: %s.</p>
                <p>When: %s</p>
                <p><a href="%s">Change your answer</a> at any time.</p>
                <p style="color:#666">Inviteflow</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(name), HtmlUtils.htmlEscape(a.eventTitle()),
                HtmlUtils.htmlEscape(answer), HtmlUtils.htmlEscape(when), HtmlUtils.htmlEscape(a.link()));
        return new Reminder(SLUG + "/" + activityId, a.invitationId(), a.partyEventId(), a.guestEmail(),
                a.guestName(), subject, text, html,
                "NO".equals(a.response()) ? null : Reminder.calendarUrlOf(a.link()));
    }

    private static String plusOnes(AnswerConfirmation a) {
        return a.plusOnes() == 0 ? "" : a.plusOnes() == 1 ? " with 1 guest" : " with " + a.plusOnes() + " guests";
    }
}
