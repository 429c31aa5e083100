-- Orders of a cancelled event the gateway refused to refund, and how often: the refund job retries each a few times,
-- then goes on without it (the order stays paid; the gateway error is in the organizer's console).
CREATE TABLE refund_attempt (
    order_id   UUID        PRIMARY KEY,
    attempts   INTEGER     NOT NULL,
    last_error TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
