-- Signing in safely: a second factor (TOTP, with one-time recovery codes), throttling of failed attempts, tokens that
-- can be revoked, and an audit trail of what happened to an account.

-- An authenticator app's shared secret, encrypted (AES-GCM under inviteflow.security.master-key): the database and
-- its backups alone cannot mint codes. confirmed_at null: enrolment started, not confirmed with a first code yet.
-- last_step: the 30-second step of the last code accepted; a code of that step or an earlier one is refused (replay).
CREATE TABLE organizer_totp (
    organizer_id uuid PRIMARY KEY REFERENCES organizer (id) ON DELETE CASCADE,
    secret       bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz,
    last_step    bigint      NOT NULL DEFAULT 0
);

-- Recovery codes, each usable once: SHA-256 of the code (80 random bits: no slow hash needed against guessing).
CREATE TABLE organizer_recovery_code (
    organizer_id uuid  NOT NULL REFERENCES organizer (id) ON DELETE CASCADE,
    code_hash    bytea NOT NULL,
    PRIMARY KEY (organizer_id, code_hash)
);

-- Sign-in attempts per address as typed (folded), whether or not an account has it: throttling an unknown address
-- exactly like a known one tells nobody which addresses have accounts. attempts: since the last success or lock
-- (each attempt is counted before its password is checked, so parallel guesses cannot slip past a lock); locks: in a
-- row, each twice as long as the one before.
CREATE TABLE sign_in_throttle (
    email_key       text PRIMARY KEY,
    attempts        integer     NOT NULL,
    locks           integer     NOT NULL DEFAULT 0,
    last_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX sign_in_throttle_idle ON sign_in_throttle (last_attempt_at);

-- Tokens signed out before they expire (by their jti); rows past expires_at are useless and are deleted.
CREATE TABLE revoked_token (
    jti        uuid PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_token_expiry ON revoked_token (expires_at);

-- "Sign out everywhere" and a password change: tokens issued before this moment are refused.
ALTER TABLE organizer ADD COLUMN tokens_valid_after timestamptz;

-- What happened to accounts, for their owners and admins: sign-ins, failures, lockouts, second factors, sign-outs.
CREATE TABLE security_audit (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL,
    organizer_id uuid REFERENCES organizer (id) ON DELETE CASCADE,
    action       text        NOT NULL,
    ip           text,
    detail       text
);
CREATE INDEX security_audit_by_organizer ON security_audit (organizer_id, at DESC);
