-- When an event reminds its guests, and through which channels: batch-jobs sends, the core says who is due when.
--   BEFORE_EVENT           offset before the start, to guests coming (YES, MAYBE; not the waitlist)
--   UNOPENED               offset after the invitation was made, to guests who have not opened it (nor answered)
--   MAYBE_BEFORE_DEADLINE  offset before the RSVP deadline (or the start, without one), to MAYBE guests
CREATE TABLE reminder_rule (
    id             uuid PRIMARY KEY,
    event_id       uuid        NOT NULL REFERENCES party_event (id),
    kind           text        NOT NULL CHECK (kind IN ('BEFORE_EVENT', 'UNOPENED', 'MAYBE_BEFORE_DEADLINE')),
    offset_seconds bigint      NOT NULL CHECK (offset_seconds BETWEEN 900 AND 7776000),
    channels       text[]      NOT NULL CHECK (cardinality(channels) > 0),
    position       integer     NOT NULL,
    UNIQUE (event_id, kind, offset_seconds)
);

-- The guest's IANA time zone as their browser reports it: quiet hours are the guest's night, not the event's.
ALTER TABLE invitation ADD COLUMN time_zone text;
