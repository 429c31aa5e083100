-- Organizers' address books sealed (PersonalText) under each contact's own secret (contact:<id>), as guests are under
-- their invitation's: a contact's card (display name, first and last name, organization) as one box, each point's
-- value (address, number, profile) as its own, beside the value's blind index (BlindIndex.ofContactPoint), by which
-- an import finds the contact a card belongs to and a person's copy and erasure find the contacts that reach them.
-- V42 (a Java migration: the index needs the master key) indexes the points of earlier releases and makes the index
-- the point's identity; their plain values and names wait for LegacySealing.
ALTER TABLE contact
    ALTER COLUMN display_name DROP NOT NULL,
    ADD COLUMN card_sealed bytea;
ALTER TABLE contact_point
    DROP CONSTRAINT contact_point_pkey,
    ALTER COLUMN value DROP NOT NULL,
    ADD COLUMN value_sealed bytea,
    ADD COLUMN value_index  bytea;

-- names are sorted once opened, not by SQL
DROP INDEX contact_by_organizer;
CREATE INDEX contact_of_organizer ON contact (organizer_id);
-- what is left to seal
CREATE INDEX contact_plain ON contact (id) WHERE display_name IS NOT NULL;
CREATE INDEX contact_point_plain ON contact_point (contact_id) WHERE value IS NOT NULL;
