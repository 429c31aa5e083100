package io.inviteflow.core.account;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonalText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Organizers' accounts. Their address and name are stored sealed under the account's own secret
 * ({@link PersonalText#organizerKey}) and opened after each query; an account is found by its address's blind index
 * ({@link BlindIndex#ofEmail}), which also keeps addresses unique. An account of an earlier release holds its plain
 * address and name until start-up seals them ({@link PlainOrganizers}).
 */
@Repository
class OrganizerRepository {

    private static final String ACCOUNT = "id, email, email_sealed, name, name_sealed, closed_at IS NOT NULL";
    private static final String CREDENTIALS = "SELECT id, email, email_sealed, password_hash, "
            + "sign_in_awaits_confirmation AND email_verified_at IS NULL FROM organizer ";

    /** What a closed account is called where its id still shows (a request it handled, a trail). */
    static final String CLOSED_NAME = "Closed account";

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final BlindIndex index;

    OrganizerRepository(JdbcClient jdbc, PersonalText text, BlindIndex index) {
        this.jdbc = jdbc;
        this.text = text;
        this.index = index;
    }

    /** @return false when the address is taken (the unique index on its blind index decides: concurrent sign-ups too) */
    boolean insert(Organizer organizer, String passwordHash) {
        String key = PersonalText.organizerKey(organizer.id());
        try {
            PersonalText.Sealer sealer = text.sealerForNew(List.of(key));
            jdbc.sql("""
                            INSERT INTO organizer (id, email_index, email_sealed, name_sealed, password_hash)
                            VALUES (:id, :index, :email, :name, :hash)""")
                    .param("id", organizer.id())
                    .param("index", index.ofEmail(organizer.email()))
                    .param("email", sealer.seal(key, PersonalText.EMAIL, organizer.email()))
                    .param("name", sealer.seal(key, PersonalText.NAME, organizer.name()))
                    .param("hash", passwordHash)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // the caller's transaction ends with it: the secret made for it goes too
        }
    }

    Optional<Organizer> find(UUID id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** The accounts of these ids that exist, opened with one query for their secrets. */
    Map<UUID, Organizer> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Stored> rows = jdbc.sql("SELECT " + ACCOUNT + " FROM organizer WHERE id = ANY(:ids)")
                .param("ids", ids.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> Stored.of(rs)).list();
        PersonalText.Opener opener = text.openerFor(rows.stream().map(r -> PersonalText.organizerKey(r.id())).toList());
        Map<UUID, Organizer> found = new LinkedHashMap<>();
        for (Stored row : rows) {
            String key = PersonalText.organizerKey(row.id());
            found.put(row.id(), row.closed() ? new Organizer(row.id(), null, CLOSED_NAME) : new Organizer(row.id(),
                    opener.openOr(key, PersonalText.EMAIL, row.emailSealed(), row.email()),
                    Objects.requireNonNullElse(opener.openOr(key, PersonalText.NAME, row.nameSealed(), row.name()),
                            "")));
        }
        return found;
    }

    /** An account row with its address and name still sealed (or plain, of an earlier release). */
    private record Stored(UUID id, String email, byte[] emailSealed, String name, byte[] nameSealed, boolean closed) {

        static Stored of(ResultSet rs) throws SQLException {
            return new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getString(4),
                    rs.getBytes(5), rs.getBoolean(6));
        }
    }

    Optional<StoredCredentials> findCredentials(String email) {
        return credentials(jdbc.sql(CREDENTIALS + "WHERE email_index = :index").param("index", index.ofEmail(email)));
    }

    Optional<StoredCredentials> findCredentials(UUID id) {
        return credentials(jdbc.sql(CREDENTIALS + "WHERE id = :id").param("id", id));
    }

    /**
     * The address is opened only when asked for ({@link StoredCredentials#email}): a sign-in asks once the password
     * matched, so a known address costs what an unknown one does up to the password's check.
     */
    private Optional<StoredCredentials> credentials(JdbcClient.StatementSpec query) {
        return query.query((rs, n) -> {
            UUID id = rs.getObject(1, UUID.class);
            String plain = rs.getString(2);
            byte[] sealed = rs.getBytes(3);
            return new StoredCredentials(id, rs.getString(4), rs.getBoolean(5), () -> sealed == null ? plain
                    : text.open(PersonalText.organizerKey(id), PersonalText.EMAIL, sealed).orElse(null));
        }).optional();
    }

    /** Every way into the account but its password: the app, recovery codes, passkeys and their pending ceremonies. */
    int forgetOtherWaysToSignIn(UUID id) {
        int removed = 0;
        for (String table : List.of("organizer_totp", "organizer_recovery_code", "passkey_account",
                "passkey_ceremony")) {
            removed += jdbc.sql("DELETE FROM " + table + " WHERE organizer_id = :id").param("id", id).update();
        }
        return removed;
    }

    boolean addressConfirmed(UUID id) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM organizer WHERE id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("UPDATE organizer SET password_hash = :hash WHERE id = :id").param("hash", passwordHash)
                .param("id", id).update();
    }

    /**
     * The mailbox's owner chose this password through a link mailed there (a password reset): the address is
     * theirs, as a confirmation link would prove.
     *
     * @return whether this confirmed the address (it was not before)
     */
    boolean resetPassword(UUID id, String passwordHash, Instant now) {
        boolean unconfirmed = jdbc.sql("SELECT email_verified_at IS NULL FROM organizer WHERE id = :id FOR UPDATE")
                .param("id", id).query(Boolean.class).single();
        jdbc.sql("UPDATE organizer SET password_hash = :hash, email_verified_at = coalesce(email_verified_at, :now) "
                        + "WHERE id = :id")
                .param("hash", passwordHash).param("now", Timestamp.from(now)).param("id", id).update();
        return unconfirmed;
    }

    /**
     * @param awaitsConfirmation an account that signs in once its address is confirmed, and it is not yet
     * @param address            opens the account's address (sealed) when called
     */
    record StoredCredentials(UUID id, String passwordHash, boolean awaitsConfirmation, Supplier<String> address) {

        String email() {
            return address.get();
        }
    }
}
