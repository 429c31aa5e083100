package io.inviteflow.batch.notice;

import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import io.inviteflow.batch.support.TestMailSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The core reports a change on Kafka; batch-jobs hears it, and mails exactly the guests it concerns, once each, with
 * the updated calendar entry — also when the mail server fails halfway.
 */
@TestPropertySource(properties = "inviteflow.notices.poll-interval=500ms")
class EventNoticeJobIT extends BatchIntegrationTest {

    /** The guests' answers are confirmed by mail too: these tests look at the notices only. */
    private static final java.util.function.Predicate<Mailboxes.Mail> NEW_DATE = Mailboxes.subject("New date:");

    @Autowired
    TestMailSender mail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void listening() {
        awaitActivityConsumer(listeners);
    }

    @Test
    void aRescheduleIsMailedToEveryGuestWhoHasNotDeclinedOnceEvenAfterAFailedSend() {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Moved party " + RUN);
        List<String> names = IntStream.range(0, 5).mapToObj(i -> "Guest " + i).toList();
        List<String> emails = IntStream.range(0, 5)
                .mapToObj(i -> i == 4 ? null : "moved" + i + "-" + RUN + "@example.org").toList();
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, names, emails);
        core.answer(guests.get(0), "YES");
        core.answer(guests.get(1), "NO");
        mail.failOnNth(2); // the second mail fails: that run fails, the next round restarts it

        core.send("PATCH", "/api/v1/events/" + eventId, organizer, "{\"startsAt\":\"2027-06-19T18:00:00+02:00\"}");

        for (int i : new int[]{0, 2, 3}) {
            List<Mailboxes.Mail> inbox = Mailboxes.awaitInbox(guests.get(i).email(), NEW_DATE, 1,
                    Duration.ofSeconds(90));
            assertThat(inbox).as("guest %d; ledger %s; requests %s", i, ledger(eventId), requests(eventId))
                    .singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("New date: Moved party " + RUN);
                assertThat(m.text()).contains("Saturday, 19 June 2027 at 18:00 (Europe/Berlin time)")
                        .contains(guests.get(i).link());
                assertThat(m.calendar()).contains("SEQUENCE:1").contains("UID:" + eventId + "@inviteflow");
            });
        }
        assertThat(Mailboxes.inbox(guests.get(1).email()).stream().filter(NEW_DATE)).as("declined: not told").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notice_request WHERE party_event_id = :e AND completed_at IS NOT NULL")
                .param("e", eventId).query(Long.class).single() == 1);
        // the ledger, not the JVM-wide mail counter (other jobs of the test context mail too), says who got what
        assertThat(ledger(eventId).stream().filter(row -> row.startsWith("event-rescheduled/"))).hasSize(3)
                .allSatisfy(row -> assertThat(row).endsWith(" published"));
        for (int i : new int[]{0, 2, 3}) {
            assertThat(Mailboxes.inbox(guests.get(i).email()).stream().filter(NEW_DATE)).as("once each").hasSize(1);
        }
    }

    private List<String> ledger(UUID eventId) {
        return jdbc.sql("SELECT kind || ' ' || invitation_id || ' ' || status FROM reminder_delivery "
                + "WHERE party_event_id = :e").param("e", eventId).query(String.class).list();
    }

    private List<String> requests(UUID eventId) {
        return jdbc.sql("SELECT activity_type || ' ' || coalesce(CAST(completed_at AS text), 'open') FROM notice_request "
                + "WHERE party_event_id = :e").param("e", eventId).query(String.class).list();
    }

    @Test
    void aPromotedGuestIsToldAndACancellationCancelsTheCalendarEntry() {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = UUID.fromString(core.send("POST", "/api/v1/events", organizer, """
                {"title":"Small dinner %s","startsAt":"2027-06-12T19:00:00+02:00","timeZone":"Europe/Berlin",
                 "capacity":1}""".formatted(RUN)).get("id").asText());
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ada", "Grace"),
                List.of("ada-" + RUN + "@example.org", "grace-" + RUN + "@example.org"));
        core.answer(guests.get(0), "YES");
        core.answer(guests.get(1), "YES"); // waitlisted
        core.answer(guests.get(0), "NO");  // Grace is promoted

        List<Mailboxes.Mail> grace = Mailboxes.awaitInbox(guests.get(1).email(), Mailboxes.subject("You're in"), 1,
                Duration.ofSeconds(60));
        assertThat(grace).singleElement().satisfies(m -> assertThat(m.subject())
                .isEqualTo("You're in: Small dinner " + RUN));
        assertThat(Mailboxes.inbox(guests.get(0).email()).stream().filter(Mailboxes.subject("You're in"))).isEmpty();

        core.send("POST", "/api/v1/events/" + eventId + "/cancel", organizer, "{\"reason\":\"The cook is ill\"}");

        List<Mailboxes.Mail> cancelled = Mailboxes.awaitInbox(guests.get(1).email(), Mailboxes.subject("Cancelled"), 1,
                Duration.ofSeconds(60));
        assertThat(cancelled).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Cancelled: Small dinner " + RUN);
            assertThat(m.text()).contains("The host says: The cook is ill");
            assertThat(m.calendar()).contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
        });
        assertThat(Mailboxes.inbox(guests.get(0).email()).stream().filter(Mailboxes.subject("Cancelled")))
                .as("Ada declined").isEmpty();
    }
}
