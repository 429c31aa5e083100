-- Notices about one change of an event are kinds of their own, "<notice>/<activity id>": one per guest per change.
ALTER TABLE reminder_delivery ALTER COLUMN kind TYPE VARCHAR(80);

-- The changes the core reported on Kafka that guests must hear of. Written once per activity (the consumer may see
-- an activity twice); the notice job of each runs until it completes.
CREATE TABLE notice_request (
    activity_id    UUID        PRIMARY KEY,
    activity_type  VARCHAR(40) NOT NULL,
    party_event_id UUID        NOT NULL,
    -- for a waitlist promotion: the one guest to tell
    invitation_id  UUID,
    payload        TEXT        NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ
);
CREATE INDEX notice_request_open ON notice_request (received_at) WHERE completed_at IS NULL;
