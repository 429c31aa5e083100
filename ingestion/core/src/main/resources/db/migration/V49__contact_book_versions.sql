-- A number per organizer that grows with every change to their address book: contacts, their points, lists and
-- list memberships, whichever code path made it (imports, edits, erasures, retention, closing). The core keeps each
-- book's contacts opened and ordered in memory while this number stays the same (contact.AddressBookCache): the
-- cards are sealed, so the database cannot order or search them itself. Statement-level triggers with transition
-- tables: a COPY of 100,000 contacts bumps the number once, not 100,000 times.
CREATE TABLE contact_book_version (
    organizer_id uuid   PRIMARY KEY REFERENCES organizer (id) ON DELETE CASCADE,
    version      bigint NOT NULL
);

-- the changed rows carry the organizer (contact, contact_point, contact_list); ordered, so two statements touching the
-- same books lock their numbers in the same order
CREATE FUNCTION bump_contact_books() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_book_version AS v (organizer_id, version)
    SELECT DISTINCT organizer_id, 1 FROM changed ORDER BY organizer_id
    ON CONFLICT (organizer_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;

-- a membership names its list, whose organizer it is
CREATE FUNCTION bump_contact_books_of_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_book_version AS v (organizer_id, version)
    SELECT DISTINCT l.organizer_id, 1 FROM changed c JOIN contact_list l ON l.id = c.list_id ORDER BY l.organizer_id
    ON CONFLICT (organizer_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER contact_inserted AFTER INSERT ON contact REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_updated AFTER UPDATE ON contact REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_deleted AFTER DELETE ON contact REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_point_inserted AFTER INSERT ON contact_point REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_point_updated AFTER UPDATE ON contact_point REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_point_deleted AFTER DELETE ON contact_point REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_list_inserted AFTER INSERT ON contact_list REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_list_updated AFTER UPDATE ON contact_list REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_list_deleted AFTER DELETE ON contact_list REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books();
CREATE TRIGGER contact_list_member_inserted AFTER INSERT ON contact_list_member REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books_of_lists();
CREATE TRIGGER contact_list_member_deleted AFTER DELETE ON contact_list_member REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_contact_books_of_lists();
