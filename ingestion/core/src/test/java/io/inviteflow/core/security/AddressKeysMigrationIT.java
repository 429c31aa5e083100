package io.inviteflow.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guests are found by the blind indexes of their addresses and numbers, never by the plain values: a new invitation
 * stores none. What an earlier release keyed by address or number — the invitation's person key, the person's secret
 * (plain, or under V38's index), opt-outs, mail consents, campaign recipients, yeses to texts — is keyed by index by
 * migration V40 (before the core serves), the secret kept (so its pseudonymous keys stay), and the plain address and
 * number sealed at start-up.
 */
class AddressKeysMigrationIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    V40__BlindAddressKeys migration;
    @Autowired
    DataSource dataSource;
    @Autowired
    PersonSecrets secrets;
    @Autowired
    SecretBox box;
    @Autowired
    BlindIndex index;
    @Autowired
    PersonalText text;
    @Autowired
    LegacySealing legacy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewInvitationKeepsItsAddressAndNumberSealedAndIndexedOnly() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String event = api.newEvent(organizer, "Indexed supper");
        String address = "New.Guest-" + UUID.randomUUID() + "@Example.org";
        JsonNode guest = api.post("/api/v1/events/" + event + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Nell\",\"email\":\"%s\",\"phone\":\"+49 151 2345 6789\"}]}"
                        .formatted(address)).json().at("/invitations/0");
        UUID id = UUID.fromString(guest.get("id").asText());
        var row = jdbc.sql("SELECT guest_email, guest_phone, guest_email_sealed, guest_phone_sealed, email_index, "
                + "phone_index, e164_index, person_key FROM invitation WHERE id = :id").param("id", id).query()
                .singleRow();
        assertThat(row.get("guest_email")).isNull();
        assertThat(row.get("guest_phone")).isNull();
        String person = PersonalText.personKey(id);
        assertThat(text.open(person, PersonalText.EMAIL, (byte[]) row.get("guest_email_sealed"))).hasValue(address);
        assertThat(text.open(person, PersonalText.PHONE, (byte[]) row.get("guest_phone_sealed")))
                .hasValue("+49 151 2345 6789");
        assertThat((byte[]) row.get("email_index")).isEqualTo(index.ofEmail(address.toLowerCase()));
        assertThat((byte[]) row.get("phone_index")).isEqualTo(index.ofNumber("+4915123456789"));
        assertThat((byte[]) row.get("e164_index")).isEqualTo(index.ofNumber("+4915123456789"));
        assertThat(row.get("person_key")).isEqualTo(index.personKeyOfEmail(address));
        // the organizer still sees and searches them
        assertThat(api.get("/api/v1/events/" + event + "/guests?q=new.guest", organizer).body())
                .contains(address, "+49 151 2345 6789");
    }

    @Test
    void whatAnEarlierReleaseKeptByAddressOrNumberIsKeyedByIndexAndTheSecretKept() throws Exception {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        UUID event = UUID.fromString(api.newEvent(organizer, "Old supper"));
        String address = "ann.old-" + UUID.randomUUID() + "@example.org";
        UUID invitation = UUID.randomUUID();
        // as the release before wrote it: plain address and number, no indexes, the person keyed by the address
        jdbc.sql("""
                        INSERT INTO invitation (id, party_event_id, token_hash, guest_name, guest_email, guest_phone)
                        VALUES (:id, :event, :hash, 'Ann', :email, '+49 (0)151 2345 6789')""")
                .param("id", invitation).param("event", event).param("hash", randomBytes(32))
                .param("email", address.toUpperCase()).update();
        byte[] secret = randomBytes(32);
        String v38Key = BlindIndex.EMAIL_KEY + HexFormat.of().formatHex(index.ofLegacyPersonKey(address));
        storeSecret(v38Key, address, secret);
        String leftover = "gone-" + UUID.randomUUID() + "@example.org"; // no invitation left with it
        byte[] leftoverSecret = randomBytes(32);
        storeSecret(leftover, leftover, leftoverSecret);
        jdbc.sql("INSERT INTO marketing_opt_out (email_normalized, via) VALUES (:a, 'page')").param("a", address)
                .update();
        jdbc.sql("INSERT INTO mail_consent (invitation_id, email_normalized, given_at, source) "
                + "VALUES (:id, :a, now(), 'invitation page')").param("id", invitation).param("a", address).update();
        UUID campaign = jdbc.sql("""
                        INSERT INTO campaign (id, organizer_id, name, subject, message, segment, channels, status)
                        SELECT gen_random_uuid(), organizer_id, 'Old news', 's', 'b', '{}', '{EMAIL}', 'SENT'
                        FROM party_event WHERE id = :event RETURNING id""")
                .param("event", event).query(UUID.class).single();
        jdbc.sql("INSERT INTO campaign_recipient (campaign_id, invitation_id, person_key, variant) "
                + "VALUES (:c, :id, :a, 'A')").param("c", campaign).param("id", invitation).param("a", address).update();
        // a yes to texts for the invitation's number, kept as + and digits and (V37) its E.164 form
        String e164 = PhoneNumbers.e164("+49 (0)151 2345 6789");
        jdbc.sql("INSERT INTO sms_consent (invitation_id, phone, phone_e164, given_at, source) "
                        + "VALUES (:id, '+49015123456789', :e164, now(), 'invitation page')")
                .param("id", invitation).param("e164", e164).update();
        // a secret V38 keyed by an address whose invitations retention emptied since: no migration can reach it
        String emptied = "emptied-" + UUID.randomUUID() + "@example.org";
        String orphanKey = BlindIndex.EMAIL_KEY + HexFormat.of().formatHex(index.ofLegacyPersonKey(emptied));
        storeSecret(orphanKey, emptied, randomBytes(32));

        keyByIndex();
        keyByIndex(); // again: nothing left to change

        String personKey = index.personKeyOfEmail(address);
        assertThat(jdbc.sql("SELECT person_key FROM invitation WHERE id = :id").param("id", invitation)
                .query(String.class).single()).isEqualTo(personKey);
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE id = :id AND phone_index = :p AND e164_index = :m")
                .param("id", invitation).param("p", index.ofNumber("+49015123456789"))
                .param("m", index.ofMobile("+49 (0)151 2345 6789")).query(Long.class).single()).isOne();
        assertThat(secrets.find(personKey)).as("the same secret: pseudonymous keys stay").hasValue(secret);
        assertThat(secrets.find(index.personKeyOfEmail(leftover))).hasValue(leftoverSecret);
        assertThat(rows(v38Key) + rows(leftover)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key LIKE '%@%'").query(Long.class)
                .single()).as("no address left among the secrets").isZero();
        assertThat(jdbc.sql("SELECT email_normalized FROM marketing_opt_out WHERE email_normalized IN (:keys)")
                .param("keys", List.of(address, personKey)).query(String.class).list())
                .containsExactly(personKey);
        assertThat(jdbc.sql("SELECT email_normalized FROM mail_consent WHERE invitation_id = :id")
                .param("id", invitation).query(String.class).single()).isEqualTo(personKey);
        assertThat(jdbc.sql("SELECT person_key FROM campaign_recipient WHERE campaign_id = :c").param("c", campaign)
                .query(String.class).single()).isEqualTo(personKey);
        assertThat(jdbc.sql("SELECT phone IS NULL AND phone_e164 IS NULL FROM sms_consent WHERE invitation_id = :id")
                .param("id", invitation).query(Boolean.class).single()).as("no number kept").isTrue();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM sms_consent c JOIN invitation i ON i.id = c.invitation_id
                        WHERE i.id = :id AND c.phone_index = i.phone_index AND c.e164_index = i.e164_index""")
                .param("id", invitation).query(Long.class).single())
                .as("the yes still counts for the invitation's number, and a text from it finds it").isOne();

        // the plain address and number sealed in the background, under the invitation's own secret
        legacy.sealAll();
        var sealed = jdbc.sql("SELECT guest_email, guest_phone, guest_email_sealed, guest_phone_sealed FROM invitation "
                + "WHERE id = :id").param("id", invitation).query().singleRow();
        assertThat(sealed.get("guest_email")).isNull();
        assertThat(sealed.get("guest_phone")).isNull();
        assertThat(text.open(PersonalText.personKey(invitation), PersonalText.EMAIL,
                (byte[]) sealed.get("guest_email_sealed"))).hasValue(address.toUpperCase());
        assertThat(text.open(PersonalText.personKey(invitation), PersonalText.PHONE,
                (byte[]) sealed.get("guest_phone_sealed"))).hasValue("+49 (0)151 2345 6789");
        assertThat(api.get("/api/v1/events/" + event + "/guests", organizer).body())
                .contains(address.toUpperCase(), "+49 (0)151 2345 6789");

        // an erasure of the address destroys the secret under its index, and one an earlier release left behind
        String admin = api.adminToken();
        for (String erased : List.of(address, emptied)) {
            assertThat(api.post("/api/v1/admin/privacy/erasures", admin, "{\"email\":\"%s\"}".formatted(erased))
                    .status()).isEqualTo(200);
        }
        assertThat(rows(personKey) + rows(orphanKey)).isZero();
    }

    private void keyByIndex() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            migration.keyByIndex(db);
            db.commit();
        }
    }

    private void storeSecret(String rowKey, String boundTo, byte[] secret) {
        jdbc.sql("INSERT INTO person_secret (person_key, sealed) VALUES (:key, :sealed)").param("key", rowKey)
                .param("sealed", box.seal(secret, ("person-secret:" + boundTo).getBytes(StandardCharsets.UTF_8)))
                .update();
    }

    private long rows(String key) {
        return jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key = :key").param("key", key)
                .query(Long.class).single();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
