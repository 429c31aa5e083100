package io.inviteflow.batch.reminder;

import io.inviteflow.testsupport.ActivityReader;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import io.inviteflow.batch.support.TestMailSender;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UnansweredReminderJobIT extends BatchIntegrationTest {

    @Autowired
    ReminderRuns runs;
    @Autowired
    TestMailSender mail;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Autowired
    org.quartz.Scheduler quartz;

    /** The answers below are confirmed by mail too (a Quartz-launched job): paused, so every mail here is a reminder. */
    @org.junit.jupiter.api.BeforeEach
    void noAnswerConfirmations() throws Exception {
        quartz.standby();
    }

    @org.junit.jupiter.api.AfterEach
    void quartzRunsAgain() throws Exception {
        quartz.start();
    }

    @Test
    void aRunFailingHalfwayRestartsAndMailsEveryUnansweredGuestExactlyOnce() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Reminder party " + RUN);
        // 8 guests; #6 has no email; #0 and #3 answer -> 5 guests to remind (1, 2, 4, 5, 7)
        List<String> names = IntStream.range(0, 8).mapToObj(i -> "Guest " + i).toList();
        List<String> emails = IntStream.range(0, 8)
                .mapToObj(i -> i == 6 ? null : "guest" + i + "-" + RUN + "@example.org").toList();
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, names, emails);
        core.answer(guests.get(0), "YES");
        core.answer(guests.get(3), "NO");
        List<CoreApi.Invited> unanswered = List.of(guests.get(1), guests.get(2), guests.get(4), guests.get(5),
                guests.get(7));
        int mailedBefore = mail.delivered();
        var run = ReminderRun.unanswered(Instant.parse("2030-01-01T10:00:00Z"), eventId);

        // (1) chunk size 2: chunk 1 (mails 1-2) commits, the 4th mail fails inside chunk 2
        mail.failOnNth(4);
        JobExecution failed = runs.launch(run);
        JobExecution restarted = runs.launch(run);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).anySatisfy(e -> assertThat(e).hasMessageContaining("SMTP refused"));
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        // the restart resumed after the committed chunk: it read only the remaining 3 invitations
        assertThat(restarted.getStepExecutions()).singleElement()
                .satisfies(step -> assertThat(step.getReadCount()).isEqualTo(3));
        assertThat(mail.delivered() - mailedBefore).isEqualTo(5);

        for (CoreApi.Invited guest : unanswered) {
            List<Mailboxes.Mail> inbox = Mailboxes.awaitInbox(guest.email(), UNANSWERED, 1, Duration.ofSeconds(10));
            assertThat(inbox).as("mails to %s", guest.email()).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Reminder: will you come to Reminder party " + RUN + "?");
                assertThat(m.reminderKey()).isEqualTo("unanswered:" + guest.invitationId());
                assertThat(m.text()).contains("Hi " + guest.name())
                        .contains("Saturday, 12 June 2027 at 18:00 (Europe/Berlin time)")
                        .contains(guest.link());
                assertThat(m.html()).contains("href=\"" + guest.link() + "\"");
            });
        }
        // those who answered get no reminder (the confirmation of their answer may arrive: another job's mail)
        assertThat(reminders(guests.get(0).email())).isEmpty();
        assertThat(reminders(guests.get(3).email())).isEmpty();
        assertThat(statuses(unanswered)).containsOnly("published").hasSize(5);

        // (2) a later run for the same guests sends nothing new (through the HTTP endpoint)
        HttpResponse<String> second = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/jobs/reminders/run?eventId=" + eventId
                                + "&runAt=2030-01-01T11:00:00Z"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"status\":\"COMPLETED\"").contains("\"jobExecutionId\":");
        assertThat(mail.delivered() - mailedBefore).isEqualTo(5);
        for (CoreApi.Invited guest : unanswered) {
            assertThat(reminders(guest.email())).hasSize(1);
        }

        // (3) one REMINDER_SENT per reminded guest on Kafka, deterministic and unique eventIds
        Set<UUID> reminded = unanswered.stream().map(CoreApi.Invited::invitationId).collect(Collectors.toSet());
        try (var reader = new ActivityReader(TOPIC)) {
            List<ActivityReader.Message> sent = reader.readUntil(all -> remindersOf(all, reminded).size() >= 5,
                    Duration.ofSeconds(30));
            List<ActivityReader.Message> mine = remindersOf(sent, reminded);
            var codec = new ActivityCodec();

            assertThat(mine).hasSize(5);
            assertThat(mine).extracting(m -> m.activity().aggregateId()).containsExactlyInAnyOrderElementsOf(reminded);
            assertThat(mine).extracting(m -> m.activity().eventId()).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(reminded.stream().map(i -> new Reminder("unanswered", i, eventId,
                            "x", null, null, null, null).activityId())).contains(id));
            assertThat(mine).allSatisfy(m -> {
                assertThat(m.key()).isEqualTo(eventId.toString());
                assertThat(m.activity().aggregateType()).isEqualTo("invitation");
                assertThat(codec.payloadAs(m.activity(), Payloads.ReminderSent.class))
                        .isEqualTo(new Payloads.ReminderSent("unanswered", "email"));
            });
        }
    }

    @Test
    void aCompletedRunCannotBeStartedAgainOverHttp() throws Exception {
        UUID nobody = UUID.randomUUID();
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/jobs/reminders/run?eventId=" + nobody + "&runAt=2030-01-01T12:00:00Z"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        var first = http.send(request, HttpResponse.BodyHandlers.ofString());
        var again = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"COMPLETED\"");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aMailedReminderWhoseActivityWasLostIsPublishedByTheNextRunEvenIfTheGuestAnsweredSince() throws Exception {
        // the state a run leaves when it dies between mailing and Kafka's ack: a row 'sent', never 'published';
        // the guest is no longer pending (answered), so the reader will never hand this invitation out again
        UUID invitation = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO reminder_delivery (kind, invitation_id, party_event_id, recipient, status, attempts,
                            claimed_at, sent_at) VALUES ('unanswered', :id, :party, 'gone@example.org', 'sent', 1, now(), now())""")
                .param("id", invitation).param("party", party).update();

        JobExecution run = runs.launch(ReminderRun.unanswered(Instant.parse("2030-01-02T08:00:00Z"), UUID.randomUUID()));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT status FROM reminder_delivery WHERE invitation_id = :id").param("id", invitation)
                .query(String.class).single()).isEqualTo("published");
        try (var reader = new ActivityReader(TOPIC)) {
            var found = remindersOf(reader.readUntil(all -> !remindersOf(all, Set.of(invitation)).isEmpty(),
                    Duration.ofSeconds(30)), Set.of(invitation));
            assertThat(found).singleElement().satisfies(m -> assertThat(m.key()).isEqualTo(party.toString()));
        }
    }

    private List<String> statuses(List<CoreApi.Invited> guests) {
        return jdbc.sql("SELECT status FROM reminder_delivery WHERE kind = 'unanswered' AND invitation_id IN (:ids)")
                .param("ids", guests.stream().map(CoreApi.Invited::invitationId).toList())
                .query(String.class).list();
    }

    private static List<ActivityReader.Message> remindersOf(List<ActivityReader.Message> all, Set<UUID> invitations) {
        return all.stream().filter(m -> m.activity().type() == ActivityType.REMINDER_SENT)
                .filter(m -> invitations.contains(m.activity().aggregateId())).toList();
    }

    private static final java.util.function.Predicate<Mailboxes.Mail> UNANSWERED = m -> m.reminderKey() != null
            && m.reminderKey().startsWith("unanswered:");

    private static List<Mailboxes.Mail> reminders(String address) {
        return Mailboxes.inbox(address).stream().filter(UNANSWERED).toList();
    }
}
