-- The core's own tables. No other service reads them: they meet the core through Kafka and its HTTP API.

CREATE TABLE organizer (
    id               uuid PRIMARY KEY,
    email            text        NOT NULL,
    email_normalized text        NOT NULL UNIQUE,
    name             text        NOT NULL,
    password_hash    text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE party_event (
    id            uuid PRIMARY KEY,
    organizer_id  uuid             NOT NULL REFERENCES organizer (id),
    title         text             NOT NULL,
    starts_at     timestamptz      NOT NULL,
    time_zone     text             NOT NULL,
    venue_name    text,
    venue_address text,
    venue_lat     double precision,
    venue_lon     double precision,
    online_url    text,
    template      text,
    created_at    timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX party_event_by_organizer ON party_event (organizer_id, starts_at);

CREATE TABLE invitation (
    id              uuid PRIMARY KEY,
    party_event_id  uuid        NOT NULL REFERENCES party_event (id),
    -- SHA-256 of the guest's token: a leaked table does not leak the guests' keys.
    token_hash      bytea       NOT NULL UNIQUE,
    guest_name      text        NOT NULL,
    guest_email     text,
    guest_phone     text,
    message         text,
    response        text CHECK (response IN ('YES', 'NO', 'MAYBE')),
    plus_ones       integer     NOT NULL DEFAULT 0,
    note            text,
    -- Grows with every answer; the activity carries it so consumers find the latest answer in any order.
    answer_version  bigint      NOT NULL DEFAULT 0,
    answered_at     timestamptz,
    open_count      integer     NOT NULL DEFAULT 0,
    first_opened_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitation_by_event ON invitation (party_event_id);

-- Transactional outbox: written in the same transaction as the change, sent to Kafka by OutboxRelay, then deleted.
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
