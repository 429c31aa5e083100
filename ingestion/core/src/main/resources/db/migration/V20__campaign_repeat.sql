-- A campaign that repeats (every day, week or month until a date): each occurrence is a campaign row of its own — its
-- own audience, fixed when it goes, its own delivery ledger keys and results — made when the one before it was sent.
-- series_id is the first occurrence's id; the times of a series are counted from that one's (repeat_zone: the
-- organizer's zone, so "every Monday 9:00" stays 9:00 across daylight-saving changes).
ALTER TABLE campaign
    ADD COLUMN repeat_every text CHECK (repeat_every IN ('DAY', 'WEEK', 'MONTH')),
    ADD COLUMN repeat_until date,
    ADD COLUMN repeat_zone  text,
    ADD COLUMN series_id    uuid,
    ADD COLUMN occurrence   integer NOT NULL DEFAULT 1,
    ADD CONSTRAINT campaign_repeat_whole CHECK (
        (repeat_every IS NULL) = (repeat_until IS NULL) AND (repeat_every IS NULL) = (repeat_zone IS NULL)),
    ADD CONSTRAINT campaign_occurrence_once UNIQUE (series_id, occurrence);
