package io.inviteflow.core.team;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.core.support.ScratchSchema;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address a team invitation is mailed to: sealed while the invitation is pending (the owner still reads it), and
 * shredded — columns emptied, secret destroyed — once it is joined, withdrawn or expired; an earlier release's plain
 * address is sealed at start-up, or emptied when its invitation is over.
 */
class TeamInviteAddressesIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlindIndex index;
    @Autowired
    TeamInviteAddresses addresses;
    @Autowired
    PlainTeamInvites plainInvites;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<JavaMigration> javaMigrations;
    Api api;
    String owner;
    String event;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        owner = api.newOrganizerToken();
        event = api.newEvent(owner, "Sealed team");
    }

    @Test
    void aPendingInvitationKeepsItsAddressSealedUntilItIsJoined() {
        String address = "teammate-" + UUID.randomUUID() + "@example.org";
        UUID id = invite(address);

        Map<String, Object> row = row(id);
        assertThat(row.get("email")).isNull();
        assertThat(new String((byte[]) row.get("email_sealed"), StandardCharsets.ISO_8859_1)).doesNotContain(address);
        assertThat((byte[]) row.get("email_index")).isEqualTo(index.ofEmail(address));
        assertThat(secretOf(id)).isEqualTo(1);
        assertThat(api.get("/api/v1/events/" + event + "/team", owner).json().at("/invitations/0/email").asText())
                .as("the owner reads it while pending").isEqualTo(address);
        assertThat(api.get("/api/v1/organizers/me/security-events", owner).body()).contains("TEAM_INVITE_SENT")
                .doesNotContain(address);

        String joiner = api.newOrganizerToken();
        assertThat(api.post("/api/v1/team-invitations/" + TeamIT.token(address) + "/accept", joiner, "")
                .status()).isEqualTo(200);

        assertShredded(id);
    }

    @Test
    void aWithdrawnOrExpiredInvitationsAddressIsShredded() {
        UUID withdrawn = invite("withdrawn-" + UUID.randomUUID() + "@example.org");
        UUID expired = invite("expired-" + UUID.randomUUID() + "@example.org");

        assertThat(api.delete("/api/v1/events/" + event + "/team/invitations/" + withdrawn, owner).status())
                .isEqualTo(204);
        jdbc.sql("UPDATE team_invite SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' "
                + "WHERE id = :id").param("id", expired).update();
        addresses.round();

        assertShredded(withdrawn);
        assertShredded(expired);
    }

    @Test
    void anEarlierReleasesPlainAddressIsSealedWhilePendingAndEmptiedOtherwise() {
        String pendingAddress = "plain-pending-" + UUID.randomUUID() + "@example.org";
        UUID pending = UUID.randomUUID();
        UUID joined = UUID.randomUUID();
        UUID ownerId = UUID.fromString(api.get("/api/v1/organizers/me", owner).json().get("id").asText());
        for (UUID id : new UUID[]{pending, joined}) {
            jdbc.sql("INSERT INTO team_invite (id, token_hash, owner_id, event_id, role, email, created_at, expires_at, "
                            + "accepted_at) VALUES (:id, :hash, :owner, :event, 'CO_ORGANIZER', :email, now(), "
                            + "now() + interval '7 days', :accepted)")
                    .param("id", id).param("hash", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .param("owner", ownerId).param("event", UUID.fromString(event))
                    .param("email", id == pending ? pendingAddress : "plain-joined@example.org")
                    .param("accepted", id == pending ? null : java.sql.Timestamp.from(java.time.Instant.now()),
                            java.sql.Types.TIMESTAMP)
                    .update();
        }

        while (Boolean.TRUE.equals(transactions.execute(status -> plainInvites.sealChunk(100) > 0))) {
            // other tests' rows are sealed along
        }

        assertThat(row(pending).get("email")).isNull();
        assertThat((byte[]) row(pending).get("email_index")).isEqualTo(index.ofEmail(pendingAddress));
        assertThat(api.get("/api/v1/events/" + event + "/team", owner).body()).contains(pendingAddress);
        assertThat(row(joined).get("email")).isNull();
        assertThat(row(joined).get("email_sealed")).isNull();
    }

    @Test
    void anEarlierReleasesTrailLosesTheAddressesItNamed() {
        try (var earlier = new ScratchSchema(dataSource, javaMigrations, jdbc)) {
            earlier.migrateTo("44");
            UUID ownerId = UUID.randomUUID();
            jdbc.sql("INSERT INTO %s.organizer (id, email, email_normalized, name, password_hash) ".formatted(earlier.name())
                    + "VALUES (:id, 'owner@example.org', 'owner@example.org', 'Owner', 'x')").param("id", ownerId).update();
            String joined = "CO_ORGANIZER " + UUID.randomUUID();
            jdbc.sql("INSERT INTO %s.security_audit (at, organizer_id, action, ip, detail) ".formatted(earlier.name())
                            + "VALUES (now(), :id, 'TEAM_INVITE_SENT', '127.0.0.1', 'CO_ORGANIZER tove@example.org'), "
                            + "(now(), :id, 'TEAM_JOINED', '127.0.0.1', :joined)")
                    .param("id", ownerId).param("joined", joined).update();

            earlier.migrateTo("45");

            assertThat(jdbc.sql("SELECT detail FROM %s.security_audit ORDER BY action".formatted(earlier.name()))
                    .query(String.class).list()).containsExactly("CO_ORGANIZER", joined);
        }
    }

    private UUID invite(String address) {
        var invited = api.post("/api/v1/events/" + event + "/team/invitations", owner,
                "{\"email\":\"%s\"}".formatted(address));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return UUID.fromString(invited.json().get("id").asText());
    }

    private void assertShredded(UUID id) {
        Map<String, Object> row = row(id);
        assertThat(row.get("email")).isNull();
        assertThat(row.get("email_sealed")).isNull();
        assertThat(row.get("email_index")).isNull();
        assertThat(secretOf(id)).as("its secret destroyed: a copy of the box in a backup opens no more").isZero();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT email, email_sealed, email_index FROM team_invite WHERE id = :id").param("id", id)
                .query().singleRow();
    }

    private long secretOf(UUID id) {
        return jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key = :key")
                .param("key", io.inviteflow.core.security.PersonalText.teamInviteKey(id)).query(Long.class).single();
    }
}
