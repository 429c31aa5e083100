package io.inviteflow.batch.notice;

import io.inviteflow.batch.reminder.Reminder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns a recipient into the mail about one change. Pure: the same change and guest always give the same mail, so a
 * restarted job re-creates exactly what it would have sent (and the ledger stops it from going out twice).
 */
class NoticeProcessor implements ItemProcessor<NoticeRecipient, Reminder> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final NoticeKind kind;
    private final UUID activityId;
    private final String reason;

    NoticeProcessor(NoticeKind kind, UUID activityId, String reason) {
        this.kind = kind;
        this.activityId = activityId;
        this.reason = reason;
    }

    @Override
    public Reminder process(NoticeRecipient r) {
        String when = WHEN.format(r.startsAt().atZoneSameInstant(ZoneId.of(r.timeZone()))) + " (" + r.timeZone()
                + " time)";
        String name = r.guestName() == null || r.guestName().isBlank() ? "there" : r.guestName();
        String what = kind.sentence.formatted(r.eventTitle());
        String extra = (reason == null || reason.isBlank() ? "" : "\n\nThe host says: " + reason)
                + (r.note() == null ? "" : "\n\n" + r.note());
        String text = """
                Hi %s,

                %s.

                When: %s%s

                %s

                -- Inviteflow
                """.formatted(name, what, when, extra, r.link());
        String html = """
                <!DOCTYPE html>
                <html><body style="font-family:sans-serif">
                <p>Hi %s,</p>
                <p>%s.</p>
                <p>When: %s</p>%s
                <p><a href="%s">Open your invitation</a></p>
                <p style="color:#666">Inviteflow</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(name), HtmlUtils.htmlEscape(what), HtmlUtils.htmlEscape(when),
                (reason == null || reason.isBlank() ? "" : "<p>The host says: " + HtmlUtils.htmlEscape(reason) + "</p>")
                        + (r.note() == null ? "" : "<p>" + HtmlUtils.htmlEscape(r.note()) + "</p>"),
                HtmlUtils.htmlEscape(r.link()));
        return new Reminder(kind.slug + "/" + activityId, r.invitationId(), r.partyEventId(), r.guestEmail(),
                r.guestName(), kind.subject.formatted(r.eventTitle()), text, html,
                Reminder.calendarUrlOf(r.link()));
    }
}
