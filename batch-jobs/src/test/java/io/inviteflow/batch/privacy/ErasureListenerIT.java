package io.inviteflow.batch.privacy;

import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * An admin erases a guest in the core; batch-jobs hears it on Kafka and its delivery ledger keeps that the guest's
 * answer was confirmed, but no longer the address it went to. Other guests' rows stay as they were.
 */
@TestPropertySource(properties = "inviteflow.notices.poll-interval=500ms")
class ErasureListenerIT extends BatchIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void listening() {
        awaitActivityConsumer(listeners);
    }

    @Test
    void anErasedGuestsAddressLeavesTheDeliveryLedger() {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Erasure party " + RUN);
        String ada = "ada-erased-" + RUN + "@example.org";
        String grace = "grace-kept-" + RUN + "@example.org";
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ada", "Grace"), List.of(ada, grace));
        guests.forEach(guest -> core.answer(guest, "YES"));
        await().atMost(Duration.ofSeconds(90)).until(() -> recipients(guests).equals(List.of(ada, grace)));

        core.send("POST", "/api/v1/admin/privacy/erasures", core.adminToken(), "{\"email\":\"" + ada + "\"}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(recipients(guests))
                .containsExactly(ErasedRecipients.ERASED, grace));
    }

    /** The addresses the ledger holds for each guest's answer confirmation, in the guests' order. */
    private List<String> recipients(List<CoreApi.Invited> guests) {
        return guests.stream().map(g -> jdbc.sql("SELECT string_agg(DISTINCT recipient, ',') FROM reminder_delivery "
                        + "WHERE invitation_id = :id").param("id", g.invitationId()).query(String.class).optional()
                .orElse("")).toList();
    }
}
