package io.inviteflow.core.account;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizers' own addresses and names are stored sealed, and accounts are found by their address's blind index: a new
 * account leaves neither in clear, yet signs in (in any case) and reads both; an account of an earlier release is
 * indexed by V47 and sealed at start-up, and signs in as before; its team sees its name.
 */
class SealedOrganizersIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlindIndex index;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DataSource dataSource;
    @Autowired
    V47__OrganizerEmailIndexes indexes;
    @Autowired
    PlainOrganizers plainOrganizers;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aNewAccountKeepsNeitherItsAddressNorItsNameInClear() {
        var api = new Api(port);
        String email = "Sealed.Host-" + UUID.randomUUID() + "@example.org";
        String name = "Hedy Lamarr " + UUID.randomUUID();
        api.signUpConfirmed(email, "frequency-hop", name);
        String token = api.signIn(email.toLowerCase(), "frequency-hop");

        var me = api.get("/api/v1/organizers/me", token).json();
        Map<String, Object> row = jdbc.sql("SELECT email, email_normalized, name, email_sealed, name_sealed, email_index "
                + "FROM organizer WHERE id = :id").param("id", UUID.fromString(me.get("id").asText())).query().singleRow();
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("name").asText()).isEqualTo(name);
        assertThat(row.get("email")).isNull();
        assertThat(row.get("email_normalized")).isNull();
        assertThat(row.get("name")).isNull();
        assertThat(new String((byte[]) row.get("email_sealed"), StandardCharsets.ISO_8859_1)).doesNotContain(email);
        assertThat(new String((byte[]) row.get("name_sealed"), StandardCharsets.ISO_8859_1)).doesNotContain("Hedy");
        assertThat((byte[]) row.get("email_index")).isEqualTo(index.ofEmail(email));
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE email_key ILIKE :address")
                .param("address", "%" + email + "%").query(Long.class).single())
                .as("sign-in attempts are counted by index, not by address").isZero();
    }

    @Test
    void anAccountOfAnEarlierReleaseIsIndexedSealedAndSignsIn() throws Exception {
        var api = new Api(port);
        UUID id = UUID.randomUUID();
        String email = "earlier-" + id + "@example.org";
        jdbc.sql("INSERT INTO organizer (id, email, email_normalized, name, password_hash, sign_in_awaits_confirmation) "
                        + "VALUES (:id, :email, :normalized, 'Grace Earlier', :hash, false)")
                .param("id", id).param("email", email).param("normalized", email.toLowerCase())
                .param("hash", passwords.encode("compiler-1952")).update();
        try (Connection db = dataSource.getConnection()) {
            indexes.indexAccounts(db);
            indexes.indexAccounts(db); // again: nothing changes
        }
        assertThat((byte[]) jdbc.sql("SELECT email_index FROM organizer WHERE id = :id").param("id", id)
                .query(byte[].class).single()).isEqualTo(index.ofEmail(email));
        String before = api.signIn(email, "compiler-1952");
        assertThat(api.get("/api/v1/organizers/me", before).json().get("name").asText())
                .as("read plain until sealed").isEqualTo("Grace Earlier");

        while (Boolean.TRUE.equals(transactions.execute(status -> plainOrganizers.sealChunk(100) > 0))) {
            // other tests' accounts of earlier releases are sealed along
        }

        Map<String, Object> row = jdbc.sql("SELECT email, email_normalized, name FROM organizer WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.values()).containsOnlyNulls();
        String token = api.signIn(email.toUpperCase(), "compiler-1952");
        var me = api.get("/api/v1/organizers/me", token).json();
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("name").asText()).isEqualTo("Grace Earlier");

        String owner = api.newOrganizerToken();
        String event = api.newEvent(owner, "Compilers");
        jdbc.sql("INSERT INTO team_member (owner_id, member_id, event_id, role, added_at) "
                        + "VALUES (:owner, :member, :event, 'CO_ORGANIZER', now())")
                .param("owner", UUID.fromString(api.get("/api/v1/organizers/me", owner).json().get("id").asText()))
                .param("member", id).param("event", UUID.fromString(event)).update();
        assertThat(api.get("/api/v1/events/" + event + "/team", owner).body()).contains("Grace Earlier", email);
    }

    @Test
    void theOperatorsGrantRoleFindsAccountsByTheSameIndex() throws Exception {
        // ./inviteflow grant-role computes the index with openssl (its address_index): run that function as it is
        Process script = new ProcessBuilder("bash", "-c",
                "source <(sed -n '/^address_index()/,/^}/p' ../../inviteflow) && address_index ' Admin@Inviteflow.Test '")
                .redirectErrorStream(true).start();
        String printed = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(script.waitFor()).as(printed).isZero();
        assertThat(printed).isEqualTo(HexFormat.of().formatHex(index.ofEmail("admin@inviteflow.test")));
    }
}
