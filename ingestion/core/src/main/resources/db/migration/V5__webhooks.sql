-- Outgoing webhooks: an organizer's endpoints, one delivery per matching activity (written in the activity's own
-- transaction), and every attempt to deliver it.
CREATE TABLE webhook_endpoint (
    id           uuid PRIMARY KEY,
    organizer_id uuid        NOT NULL REFERENCES organizer (id),
    url          text        NOT NULL,
    -- HMAC-SHA256 key of the signature header; shown to the organizer once, when the endpoint is created
    secret       text        NOT NULL,
    types        text[]      NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoint_by_organizer ON webhook_endpoint (organizer_id) WHERE active;

CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- the activity's id: receivers deduplicate on it, and one activity is delivered once per endpoint
    activity_id     uuid        NOT NULL,
    activity_type   text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (endpoint_id, activity_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE webhook_attempt (
    delivery_id  uuid        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    at           timestamptz NOT NULL,
    http_status  integer,
    error        text,
    duration_ms  integer     NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
