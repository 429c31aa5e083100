-- Guests' answers heard on Kafka, each to be confirmed by mail once (the latest answer of a guest; an older one whose
-- guest answered again is closed without a mail). Written once per activity; closed by answerConfirmationJob.
CREATE TABLE answer_confirmation (
    activity_id    UUID        PRIMARY KEY,
    invitation_id  UUID        NOT NULL,
    party_event_id UUID        NOT NULL,
    answer_version BIGINT      NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at      TIMESTAMPTZ
);
CREATE INDEX answer_confirmation_open ON answer_confirmation (activity_id) WHERE closed_at IS NULL;
