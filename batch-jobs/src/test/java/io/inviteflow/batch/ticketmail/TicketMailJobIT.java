package io.inviteflow.batch.ticketmail;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import io.inviteflow.testsupport.PrintedTickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A paid order's buyer gets the tickets by mail, once, the printable PDF with its QR codes attached. */
@TestPropertySource(properties = "inviteflow.notices.poll-interval=500ms")
class TicketMailJobIT extends BatchIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyBuyerGetsTheirTicketsOnceWithThePdfAttached() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Ticketed party " + RUN);
        core.send("PUT", "/api/v1/events/" + eventId + "/ticket-settings", organizer,
                "{\"currency\":\"EUR\",\"vatBasisPoints\":1900,\"feeFixedMinor\":0,\"feeBasisPoints\":0}");
        String tierId = core.send("POST", "/api/v1/events/" + eventId + "/ticket-tiers", organizer,
                "{\"name\":\"Entry\",\"priceMinor\":1500,\"quantity\":10}").get("id").asText();
        List<String> emails = List.of("tix-a-" + RUN + "@example.org", "tix-b-" + RUN + "@example.org");
        List<CoreApi.Invited> buyers = core.invite(organizer, eventId, List.of("Ada", "Grace"), emails);
        for (int i = 0; i < 2; i++) {
            CoreApi.Invited buyer = buyers.get(i);
            JsonNode order = core.send("POST", "/i/" + buyer.token() + "/orders", null, """
                    {"lines":[{"tierId":"%s","quantity":%d}],"buyerName":"%s","buyerEmail":"%s"}"""
                    .formatted(tierId, i + 1, buyer.name(), buyer.email()));
            core.send("POST", "/i/" + buyer.token() + "/orders/" + order.get("id").asText() + "/payment", null,
                    "{\"paymentMethod\":\"pm_card_visa\"}");
        }

        for (int i = 0; i < 2; i++) {
            List<Mailboxes.Mail> inbox = Mailboxes.awaitInbox(emails.get(i), Mailboxes.subject("Your tickets:"), 1,
                    Duration.ofSeconds(60));
            int tickets = i + 1;
            assertThat(inbox).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("Your tickets: Ticketed party " + RUN);
                assertThat(mail.text()).contains("Saturday, 12 June 2027 at 18:00");
                PrintedTickets.Read pdf = PrintedTickets.read(mail.pdf());
                assertThat(pdf.codes()).hasSize(tickets).allSatisfy(c -> assertThat(c).startsWith("IFT1."));
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM ticket_mail "
                + "WHERE party_event_id = :e AND closed_at IS NOT NULL").param("e", eventId).query(Long.class)
                .single() == 2);
        for (String email : emails) {
            assertThat(Mailboxes.inbox(email).stream().filter(Mailboxes.subject("Your tickets:"))).hasSize(1);
        }
    }
}
