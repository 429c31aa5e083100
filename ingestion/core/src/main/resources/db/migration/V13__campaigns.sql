-- Marketing campaigns: a message to a segment of an organizer's guests, sent by batch-jobs at send_at.
CREATE TABLE campaign (
    id           uuid PRIMARY KEY,
    organizer_id uuid        NOT NULL REFERENCES organizer (id),
    name         text        NOT NULL,
    -- {"eventIds":[…],"answers":["YES","NONE",…],"openedNotAnswered":bool}
    segment      jsonb       NOT NULL,
    subject      text        NOT NULL,
    message      text        NOT NULL,
    channels     text[]      NOT NULL CHECK (cardinality(channels) > 0),
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'PAUSED', 'SENT', 'CANCELLED')),
    -- how often it was resumed: each resumption is a new sending run (the delivery ledger skips whoever got it)
    round        integer     NOT NULL DEFAULT 0,
    send_at      timestamptz,
    sent_at      timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_due ON campaign (send_at) WHERE status = 'SCHEDULED';

-- People who want no marketing at all (the List-Unsubscribe of a campaign mail): by normalised email, across every
-- organizer's events, with when and how they said so.
CREATE TABLE marketing_opt_out (
    email_normalized text PRIMARY KEY,
    via              text        NOT NULL,
    at               timestamptz NOT NULL DEFAULT now()
);
