package io.inviteflow.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.support.PaidEventTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket buyers' and holders' names and addresses are stored sealed under their order's and ticket's own secrets,
 * shown where they were, found by address through their blind index (in any case) for a person's copy and erasure,
 * and shredded by it; giving a ticket away shreds its previous holder. Rows of earlier releases are sealed at start-up.
 */
class SealedBuyersAndHoldersIT extends PaidEventTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalText text;
    @Autowired
    LegacySealing legacy;
    @Autowired
    PersonRecords records;
    @Autowired
    PersonalDataExport export;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String buyerName = "Ada Byron" + run;
    private final String buyerEmail = "Buyer-" + run + "@Example.org";
    private final String holderEmail = "holder-" + run + "@example.org";

    @Test
    void buyersAndHoldersAreSealedFoundByTheirAddressAndShreddedByAnErasure() {
        List<String> sale = paidEvent("Sealed concert " + run, 2500, 10);
        String event = sale.get(0);
        String guest = api.invite(organizer, event, "Ada").get(0).get("token").asText();
        String orderId = ok(api.post("/i/" + guest + "/orders", null, """
                {"lines":[{"tierId":"%s","quantity":2}],"buyerName":"%s","buyerEmail":"%s"}"""
                .formatted(sale.get(1), buyerName, buyerEmail)), 201).get("id").asText();
        JsonNode paid = ok(pay(guest, orderId, "pm_card_visa"), 200);
        UUID order = UUID.fromString(orderId);
        UUID given = UUID.fromString(paid.get("tickets").get(0).get("id").asText());

        Map<String, Object> stored = jdbc.sql("SELECT buyer_name, buyer_email, buyer_name_sealed, buyer_email_sealed "
                + "FROM ticket_order WHERE id = :id").param("id", order).query().singleRow();
        assertThat(stored.get("buyer_name")).isNull();
        assertThat(stored.get("buyer_email")).isNull();
        assertThat(plain(stored.get("buyer_name_sealed"))).doesNotContain("Byron");
        assertThat(plain(stored.get("buyer_email_sealed"))).doesNotContainIgnoringCase("buyer-" + run);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = :id AND holder_name IS NULL "
                        + "AND holder_email IS NULL AND holder_name_sealed IS NOT NULL AND holder_email_index IS NOT NULL")
                .param("id", order).query(Long.class).single()).as("the buyer holds both tickets, sealed").isEqualTo(2);
        assertThat(api.get("/api/v1/events/" + event + "/orders", organizer).body()).contains(buyerName, buyerEmail);
        assertThat(api.get("/i/" + guest + "/orders/" + orderId, null).body()).contains(buyerName);

        // given away: the new holder sealed under the ticket's next code version, the previous holder's secret gone
        ok(api.post("/i/" + guest + "/orders/" + orderId + "/tickets/" + given + "/transfer", null,
                "{\"name\":\"Alan Turing\",\"email\":\"" + holderEmail + "\"}"), 200);
        assertThat(hasSecret(PersonalText.ticketKey(given, 1))).isFalse();
        assertThat(hasSecret(PersonalText.ticketKey(given, 2))).isTrue();
        assertThat(api.get("/i/" + guest + "/orders/" + orderId, null).body()).contains("Alan Turing");

        // the holder's copy finds the ticket by address alone, whatever its case
        Person alan = Person.of(holderEmail.toUpperCase(), null);
        var alansCopy = export.sections(alan, records.find(alan));
        assertThat(alansCopy.get("ticket_orders")).isEmpty();
        assertThat(alansCopy.get("tickets")).singleElement().satisfies(ticket -> {
            assertThat(ticket).containsEntry("holder_name", "Alan Turing").containsEntry("holder_email", holderEmail)
                    .doesNotContainKeys("holder_name_sealed", "holder_email_sealed", "code_version");
        });
        Person ada = Person.of(buyerEmail.toLowerCase(), null);
        var adasCopy = export.sections(ada, records.find(ada));
        assertThat(adasCopy.get("ticket_orders")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("buyer_name", buyerName));
        assertThat(adasCopy.get("tickets")).as("the ticket she kept, not the one she gave").hasSize(1);

        byte[] backup = jdbc.sql("SELECT holder_name_sealed FROM ticket WHERE id = :id").param("id", given)
                .query(byte[].class).single();
        JsonNode erased = api.post("/api/v1/admin/privacy/erasures", api.adminToken(),
                "{\"email\":\"" + holderEmail + "\"}").json();
        assertThat(erased.at("/erased/tickets").asInt()).isOne();
        assertThat(erased.at("/erased/ticket_orders").isMissingNode()).as("the order is the buyer's").isTrue();
        Map<String, Object> shredded = jdbc.sql("SELECT holder_name, holder_email, holder_name_sealed, "
                + "holder_email_sealed, holder_email_index FROM ticket WHERE id = :id").param("id", given)
                .query().singleRow();
        assertThat(shredded).containsEntry("holder_name", "Erased guest").containsEntry("holder_email", "")
                .containsEntry("holder_name_sealed", null).containsEntry("holder_email_sealed", null)
                .containsEntry("holder_email_index", null);
        assertThat(hasSecret(PersonalText.ticketKey(given, 2))).isFalse();
        assertThat(text.open(PersonalText.ticketKey(given, 2), PersonalText.NAME, backup)).as("a backup's copy")
                .isEmpty();
        assertThat(api.get("/api/v1/events/" + event + "/orders", organizer).body()).as("the buyer stays")
                .contains(buyerName);

        // as an earlier release stored the order and the ticket she kept: read as they are and found by the address,
        // then sealed together
        String oldAddress = "old-" + run + "@example.org";
        UUID kept = UUID.fromString(paid.get("tickets").get(1).get("id").asText());
        jdbc.sql("UPDATE ticket_order SET buyer_name = 'Old Buyer', buyer_email = :email, buyer_name_sealed = NULL, "
                + "buyer_email_sealed = NULL, buyer_email_index = NULL WHERE id = :id")
                .param("email", oldAddress).param("id", order).update();
        jdbc.sql("UPDATE ticket SET holder_name = 'Old Buyer', holder_email = :email, holder_name_sealed = NULL, "
                + "holder_email_sealed = NULL, holder_email_index = NULL WHERE id = :id")
                .param("email", oldAddress.toUpperCase()).param("id", kept).update();
        assertThat(api.get("/api/v1/events/" + event + "/orders", organizer).body()).contains("Old Buyer");
        Person old = Person.of(oldAddress, null);
        assertThat(records.find(old).orders()).containsExactly(order);
        assertThat(records.find(old).tickets()).containsExactly(kept);

        assertThat(legacy.sealAll()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_order WHERE id = :id AND buyer_name IS NULL "
                        + "AND buyer_email IS NULL AND buyer_email_index IS NOT NULL")
                .param("id", order).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE id = :id AND holder_name IS NULL "
                        + "AND holder_email IS NULL AND holder_email_index IS NOT NULL")
                .param("id", kept).query(Long.class).single()).isOne();
        assertThat(records.find(old).tickets()).as("found by the blind index, whatever the case it was typed in")
                .containsExactly(kept);
        assertThat(api.get("/i/" + guest + "/orders/" + orderId, null).body()).contains("Old Buyer");
        assertThat(jdbc.sql("SELECT holder_name FROM ticket WHERE id = :id").param("id", given)
                .query(String.class).single()).as("an erased holder is left erased").isEqualTo("Erased guest");
        assertThat(api.get("/api/v1/events/" + event + "/orders", organizer).body()).contains("Old Buyer", oldAddress);
        assertThat(records.find(old).orders()).containsExactly(order);
    }

    private boolean hasSecret(String personKey) {
        return jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key = :key").param("key", personKey)
                .query(Long.class).single() == 1;
    }

    private static String plain(Object sealed) {
        return new String((byte[]) sealed, StandardCharsets.ISO_8859_1);
    }
}
