-- Who an invitation reaches, as campaigns count people: the guest's address in lower case, or the invitation itself
-- for a guest without one — the same key as marketing_opt_out's. Stored, so counting a segment of a million guests
-- neither lower-cases every address nor builds a second key to test opt-outs with.
ALTER TABLE invitation
    ADD COLUMN person_key text GENERATED ALWAYS AS (coalesce(lower(guest_email), 'invitation:' || id::text)) STORED;
