-- The language the guest last read their invitation page in (their choice, else their browser's), e.g. 'de': what
-- marketing may segment by, and the language to write to them in.
ALTER TABLE invitation ADD COLUMN locale text;
