-- Cancelled events whose paid orders must be refunded: written once per EVENT_CANCELLED activity (the consumer may
-- see it twice); the refund job of each runs until it completes.
CREATE TABLE refund_request (
    activity_id    UUID        PRIMARY KEY,
    party_event_id UUID        NOT NULL,
    reason         VARCHAR(40) NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ
);
CREATE INDEX refund_request_open ON refund_request (received_at) WHERE completed_at IS NULL;
