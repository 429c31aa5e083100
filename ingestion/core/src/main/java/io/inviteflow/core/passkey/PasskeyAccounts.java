package io.inviteflow.core.passkey;

import io.inviteflow.core.account.Organizer;
import io.inviteflow.core.account.Organizers;
import io.inviteflow.core.security.BlindIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/**
 * Accounts as WebAuthn users: the user handle (32 random bytes, made when the first passkey is; it names no one),
 * with the account's address as the name and its owner's name as the display name, which authenticators show when
 * offering a passkey. Spring Security's "username" is the address.
 */
@Repository
class PasskeyAccounts implements PublicKeyCredentialUserEntityRepository {

    private static final String USER = """
            SELECT a.user_handle, a.organizer_id FROM passkey_account a JOIN organizer o ON o.id = a.organizer_id
            """;

    private final JdbcClient jdbc;
    private final Organizers organizers;
    private final BlindIndex index;

    PasskeyAccounts(JdbcClient jdbc, Organizers organizers, BlindIndex index) {
        this.jdbc = jdbc;
        this.organizers = organizers;
        this.index = index;
    }

    /** The account as a WebAuthn user, its handle made on first use. */
    PublicKeyCredentialUserEntity of(UUID organizerId) {
        return user("a.organizer_id = :key", organizerId).orElseGet(() -> {
            jdbc.sql("INSERT INTO passkey_account (organizer_id, user_handle) VALUES (:organizer, :handle) "
                            + "ON CONFLICT (organizer_id) DO NOTHING")
                    .param("organizer", organizerId).param("handle", Bytes.random().toBase64UrlString()).update();
            return user("a.organizer_id = :key", organizerId).orElseThrow();
        });
    }

    /** The handle, if the account ever made a passkey. */
    Optional<Bytes> handleOf(UUID organizerId) {
        return jdbc.sql("SELECT user_handle FROM passkey_account WHERE organizer_id = :organizer")
                .param("organizer", organizerId).query(String.class).optional().map(Bytes::fromBase64);
    }

    /** A passkey some account has: whose, and its name. */
    record Held(UUID organizerId, String label) {
    }

    /** Locks a passkey's row for the transaction; whose it is, if some account has it. */
    Optional<Held> lockPasskey(Bytes credentialId) {
        return jdbc.sql("""
                        SELECT a.organizer_id, c.label FROM user_credentials c
                        JOIN passkey_account a ON a.user_handle = c.user_entity_user_id
                        WHERE c.credential_id = :id FOR UPDATE OF c""")
                .param("id", credentialId.toBase64UrlString())
                .query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** Serializes registrations of one credential id until the transaction ends (an advisory lock on its hash). */
    void lockCredentialId(Bytes credentialId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:id, 0))) locked")
                .param("id", credentialId.toBase64UrlString()).query(Integer.class).single();
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return user("a.user_handle = :key", id.toBase64UrlString()).orElse(null);
    }

    // findByUsername, save and delete: the rest of the interface, which Spring Security's own creation options use
    // (Passkeys builds its own); kept working, by address, for whoever uses the relying party that way

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return user("o.email_index = :key", index.ofEmail(username)).orElse(null);
    }

    /** Gives the account of the entity's address (its name) the entity's handle, unless it has one. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        jdbc.sql("INSERT INTO passkey_account (organizer_id, user_handle) SELECT id, :handle FROM organizer "
                        + "WHERE email_index = :index ON CONFLICT (organizer_id) DO NOTHING")
                .param("handle", userEntity.getId().toBase64UrlString()).param("index", index.ofEmail(userEntity.getName()))
                .update();
    }

    /** Forgets the handle, and with it every passkey of the account. */
    @Override
    public void delete(Bytes id) {
        jdbc.sql("DELETE FROM passkey_account WHERE user_handle = :handle").param("handle", id.toBase64UrlString())
                .update();
    }

    private Optional<PublicKeyCredentialUserEntity> user(String condition, Object key) {
        record Row(String handle, UUID organizerId) {
        }
        return jdbc.sql(USER + "WHERE " + condition).param("key", key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, UUID.class))).optional()
                .map(row -> { // the account's address and name are sealed: opened after the query
                    Organizer account = organizers.find(row.organizerId());
                    return ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.fromBase64(row.handle()))
                            .name(account.email()).displayName(account.name()).build();
                });
    }
}
