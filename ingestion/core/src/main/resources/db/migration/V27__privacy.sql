-- A person's own secret: 32 random bytes, sealed under inviteflow.security.master-key and bound to the person. The
-- pseudonymous guest key their activities carry is derived from it; erasing the person deletes the row, and the guest
-- keys left in Kafka, the archive, backups and model files then belong to nobody anyone can name (crypto-shredding).
CREATE TABLE person_secret (
    person_key text PRIMARY KEY,
    sealed     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- What an account may do beyond organizing its own events, stored with the account (granted by an operator:
-- ./inviteflow grant-admin <address>).
CREATE TABLE organizer_role (
    organizer_id uuid        NOT NULL REFERENCES organizer (id),
    role         text        NOT NULL CHECK (role IN ('ADMIN')),
    granted_at   timestamptz NOT NULL DEFAULT now(),
    granted_by   text        NOT NULL,
    PRIMARY KEY (organizer_id, role)
);

-- Every export and erasure of a person's data: who handled it (an admin, or the person through a confirmed link:
-- handled_by null), when, and what it touched. The person is kept only as an HMAC of their address or number, so the
-- trail can answer "was this address erased?" without keeping the address.
CREATE TABLE privacy_request (
    id           uuid PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('EXPORT', 'ERASURE')),
    subject_hash text        NOT NULL,
    handled_by   uuid REFERENCES organizer (id),
    summary      jsonb       NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);

-- A guest's own request for a copy or an erasure, waiting for them to open the link mailed to the address: only the
-- link's hash is kept; a link works once (used_at) and until expires_at; rows are purged a day after they expired
-- (until then they count towards the address's requests of the day).
CREATE TABLE privacy_confirmation (
    token_hash    bytea PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('EXPORT', 'ERASURE')),
    email         text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);
CREATE INDEX privacy_confirmation_by_email ON privacy_confirmation (email, created_at);
CREATE INDEX privacy_request_by_time ON privacy_request (at DESC);

-- An organizer's address is verified once they open the link mailed to it at sign-up (only its hash is kept, until
-- used or expired). Sign-up does not wait for it; what trusts an address (the configured admins) does.
ALTER TABLE organizer ADD COLUMN email_verified_at timestamptz;
CREATE TABLE email_verification (
    token_hash   bytea PRIMARY KEY,
    organizer_id uuid        NOT NULL REFERENCES organizer (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX email_verification_by_organizer ON email_verification (organizer_id);

-- When an invitation's personal data was erased: the person asked, or the retention rule reached its event. Such an
-- invitation keeps its event, answer and headcount; the retention job skips it.
ALTER TABLE invitation ADD COLUMN erased_at timestamptz;
CREATE INDEX invitation_retained ON invitation (party_event_id) WHERE erased_at IS NULL;

-- Mail and text reports by the invitation they are about (the end of their key, <kind>:<invitation id>): an erasure
-- deletes them by invitation, a chunk of the retention rule at a time.
CREATE INDEX mail_feedback_by_invitation ON mail_feedback ((substring(message_key from '([0-9a-f-]{36})$')));
