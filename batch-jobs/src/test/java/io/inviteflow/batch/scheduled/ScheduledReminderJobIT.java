package io.inviteflow.batch.scheduled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import io.inviteflow.batch.support.WebPushReceiver;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's reminder schedule, sent by the real job against the real core, GreenMail and a local push service that
 * decrypts what it receives: each guest who is due gets each channel once, nobody in their night, and the night's
 * reminders go out when it ends.
 */
class ScheduledReminderJobIT extends BatchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The schedule's mails (the guests also get other mails, such as the confirmation of their answer). */
    private static final java.util.function.Predicate<Mailboxes.Mail> SCHEDULED = m -> m.reminderKey() != null
            && (m.reminderKey().startsWith("before-event/") || m.reminderKey().startsWith("unopened/")
            || m.reminderKey().startsWith("maybe-before-deadline/"));

    @Autowired
    JobLauncher launcher;
    @Autowired
    @Qualifier(ScheduledReminderJobConfiguration.JOB)
    Job job;
    @Autowired
    DueRemindersClient dueReminders;

    @Test
    void dueGuestsGetEachChannelOnceAndTheNightWaits() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        Instant now = Instant.now();
        Instant runAt = now.plus(Duration.ofMinutes(62)).truncatedTo(ChronoUnit.MINUTES);
        // a zone where the run falls in the afternoon, and one where it is 07:xx (the last hour of the night)
        String dayZone = zoneWhere(runAt, 14);
        String nightZone = zoneWhere(runAt, 7);
        JsonNode event = core.send("POST", "/api/v1/events", organizer, """
                {"title":"Summer barbecue","startsAt":"%s","timeZone":"%s"}"""
                .formatted(now.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS), dayZone));
        UUID eventId = UUID.fromString(event.get("id").asText());
        JsonNode rules = core.send("PUT", "/api/v1/events/" + eventId + "/reminder-rules", organizer, """
                [{"kind":"BEFORE_EVENT","offset":"PT2H","channels":["EMAIL","PUSH"]},
                 {"kind":"UNOPENED","offset":"PT15M","channels":["EMAIL"]}]""");
        assertThat(rules).hasSize(2);

        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ada", "Bea", "Cy", "Dee"),
                IntStream.range(0, 4).mapToObj(i -> List.of("ada", "bea", "cy", "dee").get(i) + "-" + tag
                        + "@example.org").toList());
        CoreApi.Invited ada = guests.get(0);
        CoreApi.Invited bea = guests.get(1);
        CoreApi.Invited cy = guests.get(2);
        CoreApi.Invited dee = guests.get(3);
        core.answer(ada, "YES");
        core.answer(bea, "NO");
        core.answer(cy, "MAYBE");
        core.send("POST", "/i/" + ada.token() + "/time-zone", null, "{\"timeZone\":\"" + dayZone + "\"}");
        core.send("POST", "/i/" + cy.token() + "/time-zone", null, "{\"timeZone\":\"" + nightZone + "\"}");

        try (WebPushReceiver push = new WebPushReceiver()) {
            WebPushReceiver.Subscription phone = push.subscribe("ada-phone-" + tag, false);
            WebPushReceiver.Subscription oldLaptop = push.subscribe("ada-laptop-" + tag, true);
            core.send("POST", "/i/" + ada.token() + "/push", null, phone.json());
            core.send("POST", "/i/" + ada.token() + "/push", null, oldLaptop.json());

            assertThat(run(runAt)).isEqualTo(BatchStatus.COMPLETED);

            // Ada (YES): the day-before-style reminder by mail and on her phone; Dee (not opened): the unopened one
            assertThat(Mailboxes.awaitInbox(ada.email(), SCHEDULED, 1, Duration.ofSeconds(20))).singleElement()
                    .satisfies(m -> {
                        assertThat(m.subject()).startsWith("Reminder: Summer barbecue starts ");
                        // the mail client's own unsubscribe button (RFC 8058) stops this event's reminders
                        assertThat(m.listUnsubscribe()).isEqualTo("<" + ada.link().replaceAll("#.*", "")
                                + "/reminders/stop>");
                        assertThat(m.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
                        assertThat(m.text()).contains("No more reminders of this event: ");
                    });
            assertThat(Mailboxes.awaitInbox(dee.email(), SCHEDULED, 1, Duration.ofSeconds(20))).singleElement()
                    .satisfies(m -> assertThat(m.subject()).isEqualTo("You're invited: Summer barbecue"));
            assertThat(scheduled(bea.email())).isEmpty();
            assertThat(scheduled(cy.email())).as("07:xx in Cy's zone: still night").isEmpty();
            List<WebPushReceiver.Received> pushes = push.received();
            assertThat(pushes).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo(phone.name());
                JsonNode shown = JSON.readTree(p.plaintext());
                assertThat(shown.get("title").asText()).isEqualTo("Summer barbecue");
                assertThat(shown.get("body").asText()).startsWith("Starts ");
                assertThat(shown.get("url").asText()).contains("/i/" + ada.token());
                assertThat(p.headers().get("authorization")).startsWith("vapid t=").contains(", k=");
                assertThat(p.headers().get("content-encoding")).isEqualTo("aes128gcm");
                assertThat(p.headers()).containsKeys("ttl", "topic");
            });
            assertThat(push.goneRequests()).hasSize(1);
            // the push service forgot the laptop's subscription: the core no longer lists it
            DueReminder adaDue = dueReminders.page(runAt.minus(Duration.ofHours(2)), runAt, null, 1000).items()
                    .stream().filter(d -> d.invitationId().equals(ada.invitationId())).findFirst().orElseThrow();
            assertThat(adaDue.push()).extracting(io.inviteflow.batch.push.PushTarget::endpoint).containsExactly(phone.endpoint());

            // a minute later: nothing again; when Cy's night is over, Cy's reminder goes out
            assertThat(run(runAt.plus(Duration.ofMinutes(1)))).isEqualTo(BatchStatus.COMPLETED);
            long toEight = 60 - runAt.atZone(ZoneId.of(nightZone)).getMinute() + 1;
            assertThat(run(runAt.plus(Duration.ofMinutes(toEight)))).isEqualTo(BatchStatus.COMPLETED);
            assertThat(Mailboxes.awaitInbox(cy.email(), SCHEDULED, 1, Duration.ofSeconds(20))).singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("You said you might come."));
            assertThat(scheduled(ada.email())).hasSize(1);
            assertThat(scheduled(dee.email())).hasSize(1);
            assertThat(push.received()).hasSize(1);
        }

        try (var reader = new ActivityReader(TOPIC)) {
            Set<UUID> ours = Set.of(ada.invitationId(), cy.invitationId(), dee.invitationId());
            var codec = new ActivityCodec();
            java.util.function.Function<List<ActivityReader.Message>, List<Payloads.ReminderSent>> scheduled =
                    all -> all.stream().filter(m -> reminderOf(m, ours))
                            .map(m -> codec.payloadAs(m.activity(), Payloads.ReminderSent.class))
                            .filter(r -> !r.reminderKind().equals("answer-confirmed")).toList();
            List<Payloads.ReminderSent> sent = scheduled.apply(reader.readUntil(
                    all -> scheduled.apply(all).size() >= 4, Duration.ofSeconds(30)));
            assertThat(sent).containsExactlyInAnyOrder(new Payloads.ReminderSent("before-event", "email"),
                    new Payloads.ReminderSent("before-event", "push"),
                    new Payloads.ReminderSent("before-event", "email"),
                    new Payloads.ReminderSent("unopened", "email"));
        }
    }

    private static List<Mailboxes.Mail> scheduled(String address) {
        return Mailboxes.inbox(address).stream().filter(SCHEDULED).toList();
    }

    private BatchStatus run(Instant runAt) throws Exception {
        return launcher.run(job, new JobParametersBuilder()
                .addString(ScheduledReminderJobConfiguration.RUN_AT, runAt.toString()).toJobParameters()).getStatus();
    }

    private static boolean reminderOf(ActivityReader.Message message, Set<UUID> invitations) {
        return message.activity().type() == ActivityType.REMINDER_SENT
                && invitations.contains(message.activity().aggregateId());
    }

    /** A fixed-offset zone (Etc/GMT±n) whose local hour at {@code instant} is {@code hour}. */
    private static String zoneWhere(Instant instant, int hour) {
        for (int offset = -12; offset <= 14; offset++) {
            String id = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
            if (instant.atZone(ZoneId.of(id)).getHour() == hour) {
                return id;
            }
        }
        throw new IllegalStateException("no zone at hour " + hour);
    }
}
