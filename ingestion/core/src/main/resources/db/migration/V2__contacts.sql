-- An organizer's address book. A contact is one person's profile: the emails, phones and social handles that reach
-- them. Each (organizer, kind, value) belongs to one contact only, which is how imports find and merge duplicates.

CREATE TABLE contact (
    id           uuid PRIMARY KEY,
    organizer_id uuid        NOT NULL REFERENCES organizer (id),
    display_name text        NOT NULL,
    first_name   text,
    last_name    text,
    organization text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_by_organizer ON contact (organizer_id, lower(display_name));

CREATE TABLE contact_point (
    contact_id   uuid    NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    organizer_id uuid    NOT NULL,
    -- EMAIL, PHONE, LINKEDIN, FACEBOOK, INSTAGRAM, TWITTER
    kind         text    NOT NULL,
    -- normalised: lower-case email, E.164 phone, lower-case handle or profile URL; as written when it cannot be
    value        text    NOT NULL,
    -- false when the value could not be normalised (a phone without enough digits, an email without a domain):
    -- kept so nothing the organizer had is lost, but never used to send anything
    usable       boolean NOT NULL,
    label        text,
    position     integer NOT NULL,
    PRIMARY KEY (organizer_id, kind, value)
);
CREATE INDEX contact_point_by_contact ON contact_point (contact_id);

CREATE TABLE contact_list (
    id           uuid PRIMARY KEY,
    organizer_id uuid        NOT NULL REFERENCES organizer (id),
    name         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contact_list_name ON contact_list (organizer_id, lower(name));

CREATE TABLE contact_list_member (
    list_id    uuid NOT NULL REFERENCES contact_list (id) ON DELETE CASCADE,
    contact_id uuid NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, contact_id)
);
CREATE INDEX contact_list_member_by_contact ON contact_list_member (contact_id);

-- The contact an invitation was sent to, when it came from the address book.
ALTER TABLE invitation ADD COLUMN contact_id uuid REFERENCES contact (id) ON DELETE SET NULL;
