package io.inviteflow.batch.confirmation;

import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import io.inviteflow.batch.support.TestMailSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A guest's answer is confirmed by mail, with the calendar entry for a YES or MAYBE: the latest answer only, once,
 * only to guests with an email — also when the mail server refuses one in the middle of a run.
 */
@TestPropertySource(properties = "inviteflow.notices.poll-interval=500ms")
class AnswerConfirmationJobIT extends BatchIntegrationTest {

    private static final java.util.function.Predicate<Mailboxes.Mail> CONFIRMATION = m -> m.subject() != null
            && (m.subject().startsWith("You answered: ") || m.subject().startsWith("Answer received: "));

    @Autowired
    TestMailSender mail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scheduler quartz;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void listening() {
        awaitActivityConsumer(listeners);
    }

    @AfterEach
    void quartzRuns() throws Exception {
        quartz.start();
    }

    @Test
    void theLatestAnswerOfEachGuestWithAnEmailIsConfirmedOnce() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Garden party " + RUN);
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ada", "Grace", "Dennis"),
                java.util.Arrays.asList("ada-c-" + RUN + "@example.org", "grace-c-" + RUN + "@example.org", null));
        quartz.standby(); // all answers are in before any run: only Ada's latest may be confirmed
        rsvp(core, guests.get(0), "YES", 2);
        rsvp(core, guests.get(0), "NO", 0);
        rsvp(core, guests.get(0), "YES", 1);
        rsvp(core, guests.get(1), "MAYBE", 0);
        rsvp(core, guests.get(2), "YES", 0);
        // Dennis has no email: his answer says so, and no confirmation is even requested
        await().atMost(Duration.ofSeconds(60)).until(() -> requests(eventId, false) == 4);
        quartz.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> requests(eventId, true) == 4);
        List<Mailboxes.Mail> ada = Mailboxes.awaitInbox(guests.get(0).email(), CONFIRMATION, 1, Duration.ofSeconds(30));
        assertThat(ada).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("You answered: Garden party " + RUN);
            assertThat(m.text()).contains("you are coming with 1 guest. See you there").contains(guests.get(0).link());
            assertThat(m.calendar()).contains("UID:" + eventId + "@inviteflow");
        });
        List<Mailboxes.Mail> grace = Mailboxes.awaitInbox(guests.get(1).email(), CONFIRMATION, 1,
                Duration.ofSeconds(30));
        assertThat(grace).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("you might come");
            assertThat(m.calendar()).contains("BEGIN:VEVENT");
        });
        assertThat(ledger(eventId)).hasSize(2).allSatisfy(row -> assertThat(row)
                .startsWith("answer-confirmed/").endsWith(" published"));
    }

    @Test
    void aMailTheServerRefusesIsSentByALaterRunAndNobodyGetsTwo() {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Picnic " + RUN);
        List<String> names = List.of("Alan", "Barbara", "Edsger", "Frances");
        List<String> emails = names.stream().map(n -> n.toLowerCase() + "-c-" + RUN + "@example.org").toList();
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, names, emails);
        mail.failOnNth(2);
        guests.forEach(g -> core.answer(g, "YES"));

        await().atMost(Duration.ofSeconds(90)).until(() -> requests(eventId, true) == 4);
        for (CoreApi.Invited guest : guests) {
            assertThat(Mailboxes.awaitInbox(guest.email(), CONFIRMATION, 1, Duration.ofSeconds(30)))
                    .as("%s; ledger %s", guest.name(), ledger(eventId)).hasSize(1);
        }
        assertThat(ledger(eventId)).hasSize(4).allSatisfy(row -> assertThat(row).endsWith(" published"));
    }

    private static void rsvp(CoreApi core, CoreApi.Invited guest, String response, int plusOnes) {
        core.send("POST", "/api/v1/invitations/" + guest.token() + "/rsvp", null,
                "{\"response\":\"%s\",\"plusOnes\":%d}".formatted(response, plusOnes));
    }

    private long requests(UUID eventId, boolean closed) {
        return jdbc.sql("SELECT count(*) FROM answer_confirmation WHERE party_event_id = :e"
                        + (closed ? " AND closed_at IS NOT NULL" : ""))
                .param("e", eventId).query(Long.class).single();
    }

    private List<String> ledger(UUID eventId) {
        return jdbc.sql("SELECT kind || ' ' || invitation_id || ' ' || status FROM reminder_delivery "
                        + "WHERE party_event_id = :e").param("e", eventId).query(String.class).list();
    }
}
