package io.inviteflow.batch.reminder;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderProcessorTest {

    private final ReminderProcessor processor = new ReminderProcessor();
    private final UUID invitation = UUID.fromString("00000000-0000-0000-0000-00000000002a");
    private final UUID event = UUID.fromString("00000000-0000-0000-0000-000000000007");

    private PendingInvitation pending(String title, String guest) {
        // 16:00 UTC = 18:00 in Berlin (summer time) = 12:00 in New York
        return new PendingInvitation(invitation, event, title, OffsetDateTime.parse("2027-06-12T16:00:00Z"),
                "Europe/Berlin", guest, "ada@example.org", "http://127.0.0.1:8081/i/abcDEF123_-xyz", null);
    }

    @Test
    void leavesOutAGuestLikelyToAnswerAnywayOnlyWhenAskedTo() {
        PendingInvitation likely = new PendingInvitation(invitation, event, "Party",
                OffsetDateTime.parse("2027-06-12T16:00:00Z"), "Europe/Berlin", "Ada", "ada@example.org",
                "http://127.0.0.1:8081/i/abc", 0.93);
        PendingInvitation unsure = new PendingInvitation(invitation, event, "Party",
                OffsetDateTime.parse("2027-06-12T16:00:00Z"), "Europe/Berlin", "Ada", "ada@example.org",
                "http://127.0.0.1:8081/i/abc", 0.4);
        ReminderProcessor targeted = new ReminderProcessor(0.9);

        assertThat(targeted.process(likely)).isNull();
        assertThat(targeted.process(unsure)).isNotNull();
        assertThat(targeted.process(pending("Party", "Ada"))).as("no model: reminded").isNotNull();
        assertThat(processor.process(likely)).as("not asked to leave anyone out").isNotNull();
    }

    @Test
    void buildsTheReminderInTheEventsTimeZoneWithTheGuestsLink() {
        Reminder reminder = processor.process(pending("Summer party", "Ada"));

        assertThat(reminder.kind()).isEqualTo("unanswered");
        assertThat(reminder.invitationId()).isEqualTo(invitation);
        assertThat(reminder.partyEventId()).isEqualTo(event);
        assertThat(reminder.recipient()).isEqualTo("ada@example.org");
        assertThat(reminder.subject()).isEqualTo("Reminder: will you come to Summer party?");
        assertThat(reminder.textBody())
                .contains("Hi Ada,")
                .contains("Summer party on Saturday, 12 June 2027 at 18:00 (Europe/Berlin time)")
                .contains("http://127.0.0.1:8081/i/abcDEF123_-xyz");
        assertThat(reminder.htmlBody())
                .contains("<strong>Summer party</strong>")
                .contains("<a href=\"http://127.0.0.1:8081/i/abcDEF123_-xyz\">");
    }

    @Test
    void theIdempotencyKeyAndActivityIdDependOnlyOnKindAndInvitation() {
        Reminder one = processor.process(pending("Summer party", "Ada"));
        Reminder renamed = processor.process(pending("Renamed party", "Ada Lovelace"));

        assertThat(one.idempotencyKey()).isEqualTo("unanswered:" + invitation);
        assertThat(one.activityId())
                .isEqualTo(UUID.nameUUIDFromBytes(("unanswered:" + invitation).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(renamed.activityId());
    }

    @Test
    void isPureTheSameInvitationGivesTheSameReminder() {
        assertThat(processor.process(pending("Summer party", "Ada")))
                .isEqualTo(processor.process(pending("Summer party", "Ada")));
    }

    @Test
    void escapesOrganizerAndGuestTextInHtml() {
        Reminder reminder = processor.process(pending("<script>alert(1)</script> & friends", "<b>Bob</b>"));

        assertThat(reminder.htmlBody())
                .doesNotContain("<script>").doesNotContain("<b>Bob")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends")
                .contains("&lt;b&gt;Bob&lt;/b&gt;");
    }
}
