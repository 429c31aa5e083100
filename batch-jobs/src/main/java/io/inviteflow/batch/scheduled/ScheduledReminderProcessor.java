package io.inviteflow.batch.scheduled;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.push.PushMessage;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderActivities;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns a due reminder into what goes out now: a mail and/or a Web Push message, each with its own ledger kind
 * ({@code <kind>/<rule>/email}, {@code …/push}), so each channel reaches each guest once. A reminder due in the
 * guest's quiet hours is skipped for this run (null): it stays due and a run after the night sends it. Pure, with the
 * run's time as "now".
 */
public class ScheduledReminderProcessor implements ItemProcessor<DueReminder, Outgoing> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private final QuietHours quiet;
    private final Instant now;

    public ScheduledReminderProcessor(QuietHours quiet, Instant now) {
        this.quiet = quiet;
        this.now = now;
    }

    @Override
    public Outgoing process(DueReminder due) {
        if (quiet.quietAt(now, zone(due.quietZone(), due.eventTimeZone()))) {
            return null;
        }
        Wording wording = wording(due);
        Reminder email = !due.channels().contains("EMAIL") || due.guestEmail() == null ? null
                : new Reminder(due.ledgerKind() + "/email", due.invitationId(), due.eventId(), due.guestEmail(),
                due.guestName(), wording.subject(), wording.text(), wording.html()).stoppable(due.link());
        PushMessage push = !due.channels().contains("PUSH") || due.push().isEmpty() ? null
                : new PushMessage(new Reminder(due.ledgerKind() + "/" + ReminderActivities.PUSH, due.invitationId(),
                due.eventId(), "web-push", due.guestName(), due.eventTitle(), wording.pushBody(), null),
                due.eventTitle(), wording.pushBody(), due.link() + "?via=push", due.push());
        return email == null && push == null ? null : new Outgoing(email, push);
    }

    private record Wording(String subject, String intro, String action, String pushBody, String link, String name) {

        /** The page's link as the mail carries it: an open through it is credited to the mail. */
        String mailLink() {
            return link + "?via=email";
        }

        String text() {
            return "Hi %s,%n%n%s%n%n%s:%n%s%n%n-- Inviteflow%nNo more reminders of this event: %s%n"
                    .formatted(name, intro, action, mailLink(), Reminder.stopUrlOf(link));
        }

        String html() {
            return """
                    <!DOCTYPE html>
                    <html><body style="font-family:sans-serif">
                    <p>Hi %s,</p>
                    <p>%s</p>
                    <p><a href="%s">%s</a></p>
                    <p style="color:#666">Inviteflow · <a href="%s">No more reminders of this event</a></p>
                    </body></html>
                    """.formatted(HtmlUtils.htmlEscape(name), HtmlUtils.htmlEscape(intro),
                    HtmlUtils.htmlEscape(mailLink()), HtmlUtils.htmlEscape(action),
                    HtmlUtils.htmlEscape(Reminder.stopUrlOf(link)));
        }
    }

    private static Wording wording(DueReminder due) {
        ZoneId zone = zone(due.eventTimeZone(), "UTC");
        String when = WHEN.format(due.startsAt().atZoneSameInstant(zone)) + " (" + zone.getId() + " time)";
        String shortWhen = SHORT.format(due.startsAt().atZoneSameInstant(zone));
        String name = due.guestName() == null || due.guestName().isBlank() ? "there" : due.guestName();
        String title = due.eventTitle();
        return switch (due.kind()) {
            case "BEFORE_EVENT" -> new Wording("Reminder: " + title + " starts " + when,
                    title + " starts on " + when + ". " + ("MAYBE".equals(due.answer())
                            ? "You said you might come." : "You said you will come."),
                    "Your invitation, with the place and your calendar entry",
                    "Starts " + shortWhen, due.link(), name);
            case "MAYBE_BEFORE_DEADLINE" -> {
                OffsetDateTime deadline = OffsetDateTime.ofInstant(due.dueAt().plus(due.offset()), zone);
                yield new Wording("Will you come to " + title + "? Please answer by " + SHORT.format(deadline),
                        "You said maybe to " + title + " on " + when + ". The host asks for answers by "
                                + WHEN.format(deadline) + ".",
                        "Answer now", "Please answer by " + SHORT.format(deadline), due.link(), name);
            }
            default -> new Wording("You're invited: " + title,
                    "You are invited to " + title + " on " + when + ". Your invitation is waiting for you.",
                    "Open your invitation", "Your invitation is waiting: " + shortWhen, due.link(), name);
        };
    }

    private static ZoneId zone(String id, String fallback) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of(fallback);
        }
    }
}
