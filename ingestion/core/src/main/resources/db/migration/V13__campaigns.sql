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
    -- when its audience was fixed: the first time the sender asked for it
    frozen_at    timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_due ON campaign (send_at) WHERE status = 'SCHEDULED';

-- A campaign's audience, fixed when it starts going out: one row per person (their email address, or the invitation
-- of a guest reached by push alone) and the invitation they are reached through. Paging and the delivery ledger go by
-- these rows, so a moved event, a new invitation or a pause cannot make anyone get it twice or be skipped.
CREATE TABLE campaign_recipient (
    campaign_id   uuid NOT NULL REFERENCES campaign (id),
    invitation_id uuid NOT NULL REFERENCES invitation (id),
    person_key    text NOT NULL,
    PRIMARY KEY (campaign_id, invitation_id),
    UNIQUE (campaign_id, person_key)
);

-- People who want no marketing at all (the List-Unsubscribe of a campaign mail): by normalised email across every
-- organizer's events (a guest without an address: 'invitation:<id>'), with when and how they said so.
CREATE TABLE marketing_opt_out (
    email_normalized text PRIMARY KEY,
    via              text        NOT NULL,
    at               timestamptz NOT NULL DEFAULT now()
);
