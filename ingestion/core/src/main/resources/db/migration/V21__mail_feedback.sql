-- What the mail relay reported about a mail after it left (its delivery, bounce and complaint webhook): once per
-- mail and kind of report, whatever the relay's retries. message_key is the mail's X-Inviteflow-Reminder header, the
-- delivery ledger's key (e.g. campaign/<id>/email:<invitation id>).
CREATE TABLE mail_feedback (
    message_key text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('DELIVERED', 'SOFT_BOUNCE', 'HARD_BOUNCE', 'COMPLAINT')),
    recipient   text        NOT NULL,
    diagnostic  text,
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_key, kind)
);

-- A campaign's recipient whose mail server refused the campaign for good.
ALTER TABLE campaign_recipient ADD COLUMN bounced_at timestamptz;
