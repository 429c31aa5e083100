-- Paid orders heard on Kafka, each to get its tickets by mail once. Written once per ORDER_PAID activity; closed by
-- ticketMailJob (also when the order was refunded before its mail went out).
CREATE TABLE ticket_mail (
    activity_id    UUID        PRIMARY KEY,
    order_id       UUID        NOT NULL,
    party_event_id UUID        NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts       INTEGER     NOT NULL DEFAULT 0,
    closed_at      TIMESTAMPTZ
);
CREATE INDEX ticket_mail_open ON ticket_mail (activity_id) WHERE closed_at IS NULL;
