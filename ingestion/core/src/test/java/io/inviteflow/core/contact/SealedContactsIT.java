package io.inviteflow.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.V42__ContactPointIndexes;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer's address book holds no plaintext: each contact's card and points are sealed under the contact's own
 * secret, and an import finds the contact a card belongs to by the points' blind indexes. The book is still listed by
 * name as people sort them and searched by names and points. Contacts of an earlier release are indexed by migration
 * V42, merged into by imports, and sealed at start-up.
 */
class SealedContactsIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    V42__ContactPointIndexes migration;
    @Autowired
    LegacySealing legacy;
    Api api;
    String token;
    UUID organizer;

    @BeforeEach
    void organizer() {
        api = new Api(port);
        token = api.newOrganizerToken();
        organizer = UUID.fromString(api.get("/api/v1/organizers/me", token).json().get("id").asText());
    }

    @Test
    void theRealVCardsAreStoredSealedAndStillListedAndSearched() throws Exception {
        try (var files = Files.list(ContactApiIT.contacts())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".vcf")).sorted().toList()) {
                assertThat(api.upload("/api/v1/contacts/import", token, file.getFileName().toString(),
                        Files.readAllBytes(file)).status()).isEqualTo(200);
            }
        }
        for (String plain : List.of("Dawson", "lotus.com", "19196769515", "Lotus Development")) {
            assertThat(jdbc.sql("SELECT count(*) FROM contact c WHERE c.organizer_id = :org "
                            + "AND (c::text ILIKE :p OR EXISTS (SELECT 1 FROM contact_point p WHERE p.contact_id = c.id "
                            + "AND p::text ILIKE :p))")
                    .param("org", organizer).param("p", "%" + plain + "%").query(Long.class).single())
                    .as("'%s' stored plain", plain).isZero();
        }
        JsonNode found = api.get("/api/v1/contacts?q=LOTUS.com", token).json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.at("/contacts/0/displayName").asText()).isEqualTo("Frank Dawson");
        assertThat(found.at("/contacts/0/organization").asText()).isEqualTo("Lotus Development Corporation");
        List<String> names = new ArrayList<>();
        api.get("/api/v1/contacts?limit=500", token).json().get("contacts")
                .forEach(c -> names.add(c.get("displayName").asText()));
        java.text.Collator byName = java.text.Collator.getInstance(java.util.Locale.ROOT);
        byName.setStrength(java.text.Collator.SECONDARY);
        assertThat(names).as("the whole book in one order, as people sort names").hasSizeGreaterThan(5)
                .isSortedAccordingTo(byName::compare);
    }

    @Test
    void pagesAreInNameOrderAcrossCaseAndAccents() {
        api.upload("/api/v1/contacts/import", token, "names.csv", """
                name,email
                emile zola,emile@example.org
                Ada,ada@example.org
                Émile Augier,augier@example.org
                bob,bob@example.org
                """.getBytes(StandardCharsets.UTF_8));
        JsonNode first = api.get("/api/v1/contacts?limit=2", token).json();
        JsonNode second = api.get("/api/v1/contacts?limit=2&offset=2", token).json();
        assertThat(first.get("total").asInt()).isEqualTo(4);
        assertThat(List.of(first.at("/contacts/0/displayName").asText(), first.at("/contacts/1/displayName").asText(),
                second.at("/contacts/0/displayName").asText(), second.at("/contacts/1/displayName").asText()))
                .containsExactly("Ada", "bob", "Émile Augier", "emile zola");
    }

    @Test
    void aContactOfAnEarlierReleaseIsIndexedMergedIntoAndSealed() throws Exception {
        UUID contact = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact (id, organizer_id, display_name) VALUES (:id, :org, 'grace@example.org')")
                .param("id", contact).param("org", organizer).update();
        jdbc.sql("INSERT INTO contact_point (contact_id, organizer_id, kind, value, usable, position) "
                + "VALUES (:id, :org, 'EMAIL', 'grace@example.org', true, 0)")
                .param("id", contact).param("org", organizer).update();
        try (Connection db = dataSource.getConnection()) {
            migration.indexPoints(db);
        }

        JsonNode report = api.upload("/api/v1/contacts/import", token, "grace.csv", """
                name,email,phone
                Grace Hopper,GRACE@example.org,+1 202 555 0143
                """.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(report.get("merged").asInt()).as("found by the index V42 gave it").isOne();
        assertThat(legacy.sealAll()).isPositive();

        assertThat(jdbc.sql("SELECT count(*) FROM contact_point WHERE contact_id = :id AND value IS NULL "
                + "AND value_sealed IS NOT NULL").param("id", contact).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT display_name IS NULL AND card_sealed IS NOT NULL FROM contact WHERE id = :id")
                .param("id", contact).query(Boolean.class).single()).isTrue();
        JsonNode grace = api.get("/api/v1/contacts?q=hopper", token).json().at("/contacts/0");
        assertThat(grace.get("id").asText()).isEqualTo(contact.toString());
        assertThat(grace.get("displayName").asText()).as("a real name replaces the address").isEqualTo("Grace Hopper");
        assertThat(grace.at("/emails/0/value").asText()).isEqualTo("grace@example.org");
        assertThat(grace.at("/phones/0/value").asText()).isEqualTo("+12025550143");
    }

    @Test
    void aCardOfAnEarlierReleaseNamedAfterAProfileIsSealedAndRenamedByALaterImport() throws Exception {
        UUID contact = UUID.randomUUID();
        String profile = "linkedin.com/in/kjohnson-" + contact; // as imports normalise a profile
        jdbc.sql("INSERT INTO contact (id, organizer_id, display_name, organization) VALUES (:id, :org, :p, 'IBM')")
                .param("id", contact).param("org", organizer).param("p", profile).update();
        jdbc.sql("INSERT INTO contact_point (contact_id, organizer_id, kind, value, usable, position) "
                + "VALUES (:id, :org, 'LINKEDIN', :p, true, 0)")
                .param("id", contact).param("org", organizer).param("p", profile).update();
        try (Connection db = dataSource.getConnection()) {
            migration.indexPoints(db);
        }
        legacy.sealAll();
        assertThat(jdbc.sql("SELECT display_name IS NULL AND organization IS NULL AND card_sealed IS NOT NULL "
                + "FROM contact WHERE id = :id").param("id", contact).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT value IS NULL AND value_sealed IS NOT NULL FROM contact_point "
                + "WHERE contact_id = :id").param("id", contact).query(Boolean.class).single()).isTrue();
        JsonNode sealed = api.get("/api/v1/contacts?q=kjohnson", token).json().at("/contacts/0");
        assertThat(sealed.get("displayName").asText()).isEqualTo(profile);
        assertThat(sealed.get("organization").asText()).isEqualTo("IBM");

        // the card was named after its own profile (told when it was sealed): a real name replaces it
        api.upload("/api/v1/contacts/import", token, "k.csv", ("name,linkedin\nKatherine Johnson,https://www." + profile + "/\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(api.get("/api/v1/contacts?q=kjohnson", token).json().at("/contacts/0/displayName").asText())
                .isEqualTo("Katherine Johnson");
    }
}
