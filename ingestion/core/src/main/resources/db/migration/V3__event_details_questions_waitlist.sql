-- What an organizer sets on an event beyond its title and date, and what guests answer beyond yes or no.

ALTER TABLE party_event
    ADD COLUMN description     text,
    ADD COLUMN ends_at         timestamptz,
    ADD COLUMN online_platform text,
    -- RFC 5545 RRULE of a series (FREQ=WEEKLY;BYDAY=TU;COUNT=10), null for a one-off
    ADD COLUMN recurrence      text,
    -- headcount (guests and their plus-ones) that may be confirmed; null: no limit, no waitlist
    ADD COLUMN capacity        integer CHECK (capacity > 0),
    ADD COLUMN rsvp_deadline   timestamptz,
    ADD COLUMN allow_maybe     boolean NOT NULL DEFAULT true,
    ADD COLUMN max_plus_ones   integer NOT NULL DEFAULT 5 CHECK (max_plus_ones BETWEEN 0 AND 20),
    ADD COLUMN theme           text,
    ADD COLUMN status          text    NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    -- iCalendar SEQUENCE: grows with every change a guest's calendar must pick up (RFC 5545 3.8.7.4)
    ADD COLUMN sequence        integer NOT NULL DEFAULT 0,
    ADD COLUMN updated_at      timestamptz NOT NULL DEFAULT now();

ALTER TABLE invitation
    -- the organizer's per-guest choices; null: the event's
    ADD COLUMN max_plus_ones integer CHECK (max_plus_ones BETWEEN 0 AND 20),
    ADD COLUMN theme         text,
    -- for a YES on an event with a capacity: CONFIRMED, or WAITLISTED until a place frees up
    ADD COLUMN attendance    text CHECK (attendance IN ('CONFIRMED', 'WAITLISTED')),
    ADD COLUMN waitlisted_at timestamptz;
CREATE INDEX invitation_waitlist ON invitation (party_event_id, waitlisted_at) WHERE attendance = 'WAITLISTED';

CREATE TABLE event_question (
    id             uuid PRIMARY KEY,
    party_event_id uuid    NOT NULL REFERENCES party_event (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    -- CHOICE, MULTI_CHOICE, TEXT, NUMBER
    kind           text    NOT NULL,
    label          text    NOT NULL,
    options        text[]  NOT NULL DEFAULT '{}',
    required       boolean NOT NULL,
    -- asked of each plus-one too (a meal per person), not only of the guest
    per_guest      boolean NOT NULL,
    min_value      integer,
    max_value      integer
);
CREATE INDEX event_question_by_event ON event_question (party_event_id, position);

CREATE TABLE question_answer (
    invitation_id uuid    NOT NULL REFERENCES invitation (id) ON DELETE CASCADE,
    question_id   uuid    NOT NULL REFERENCES event_question (id) ON DELETE CASCADE,
    -- 0: the guest; 1..n: their plus-ones
    guest_index   integer NOT NULL,
    value         text    NOT NULL,
    PRIMARY KEY (invitation_id, question_id, guest_index)
);
