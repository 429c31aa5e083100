-- The delivery ledger of reminders: at most one reminder per (kind, invitation), ever.
-- A row is claimed (committed) BEFORE the mail is sent; only the run whose INSERT won sends.
--   claimed   -> the mail may be on its way; if a row stays here the process died: in doubt, reported, never resent
--   failed    -> the mail server refused / was unreachable: not sent, a later run may claim it again
--   sent      -> mailed; the REMINDER_SENT activity may not be on Kafka yet (re-published by the next run)
--   published -> mailed and on Kafka
CREATE TABLE reminder_delivery (
    kind             VARCHAR(40)  NOT NULL,
    invitation_id    UUID         NOT NULL,
    party_event_id   UUID         NOT NULL,
    recipient        VARCHAR(254) NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('claimed', 'failed', 'sent', 'published')),
    attempts         INT          NOT NULL,
    job_execution_id BIGINT,
    claimed_at       TIMESTAMPTZ  NOT NULL,
    sent_at          TIMESTAMPTZ,
    published_at     TIMESTAMPTZ,
    last_error       VARCHAR(1000),
    CONSTRAINT reminder_delivery_once UNIQUE (kind, invitation_id)
);

-- what ops look at: deliveries in doubt
CREATE INDEX reminder_delivery_open ON reminder_delivery (kind, status) WHERE status IN ('claimed', 'failed', 'sent');
