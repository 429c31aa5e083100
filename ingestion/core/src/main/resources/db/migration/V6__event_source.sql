-- Where an imported event came from (eventbrite:<id>, meetup:<id>): importing the same file again adds nothing.
ALTER TABLE party_event ADD COLUMN source text;
CREATE UNIQUE INDEX party_event_source ON party_event (organizer_id, source) WHERE source IS NOT NULL;
