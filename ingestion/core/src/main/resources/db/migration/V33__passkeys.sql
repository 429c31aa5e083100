-- Passkeys (WebAuthn): an account's WebAuthn user handle, its passkeys, and the challenges of ceremonies under way.

-- The handle authenticators store with each passkey and give back at sign-in: 32 random bytes (base64url), not the
-- account's id or address, as WebAuthn asks (it must not identify the person).
CREATE TABLE passkey_account (
    organizer_id uuid PRIMARY KEY REFERENCES organizer (id) ON DELETE CASCADE,
    user_handle  text NOT NULL UNIQUE
);

-- Spring Security's JdbcUserCredentialRepository reads and writes this table by this name and these columns
-- (its user-credentials-schema-postgres.sql), but for the types: a credential id may have 1023 bytes (1364 in
-- base64url), and times are instants as everywhere here. The foreign key takes an account's passkeys with it.
CREATE TABLE user_credentials (
    credential_id                text          PRIMARY KEY,
    user_entity_user_id          text          NOT NULL REFERENCES passkey_account (user_handle) ON DELETE CASCADE,
    public_key                   bytea         NOT NULL,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       NOT NULL,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       NOT NULL,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamptz,
    last_used                    timestamptz,
    label                        varchar(1000) NOT NULL
);
CREATE INDEX user_credentials_by_user ON user_credentials (user_entity_user_id);

-- A challenge handed to a browser, answered once within five minutes. organizer_id is the account adding a passkey,
-- null for a sign-in (who signs in is what the answer tells).
CREATE TABLE passkey_ceremony (
    id           uuid PRIMARY KEY,
    organizer_id uuid REFERENCES organizer (id) ON DELETE CASCADE,
    challenge    bytea       NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX passkey_ceremony_by_expiry ON passkey_ceremony (expires_at);
