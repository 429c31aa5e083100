-- Who works on an organizer's things besides the organizer (team/Teams): a co-organizer on one event (event_id set),
-- marketing on the organizer's campaigns and address book (event_id null). Rows go with the event or either account.
CREATE TABLE team_member (
    owner_id   uuid        NOT NULL REFERENCES organizer (id) ON DELETE CASCADE,
    member_id  uuid        NOT NULL REFERENCES organizer (id) ON DELETE CASCADE,
    event_id   uuid REFERENCES party_event (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('CO_ORGANIZER', 'MARKETING')),
    added_at   timestamptz NOT NULL,
    CHECK ((role = 'CO_ORGANIZER') = (event_id IS NOT NULL)),
    CHECK (owner_id <> member_id)
);
CREATE UNIQUE INDEX team_member_per_event ON team_member (event_id, member_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX team_member_marketing ON team_member (owner_id, member_id) WHERE event_id IS NULL;
CREATE INDEX team_member_by_member ON team_member (member_id);

-- Invitations to a team, mailed as a link to the console; only the link's hash is kept. Whoever opens the link
-- signed in joins with their own account (the link proves the mailbox, the account need not have its address).
-- A withdrawn invitation stays a row (withdrawn_at): the day's count of invitations mailed includes it.
CREATE TABLE team_invite (
    id          uuid PRIMARY KEY,
    token_hash  bytea       NOT NULL UNIQUE,
    owner_id    uuid        NOT NULL REFERENCES organizer (id) ON DELETE CASCADE,
    event_id    uuid REFERENCES party_event (id) ON DELETE CASCADE,
    role        text        NOT NULL CHECK (role IN ('CO_ORGANIZER', 'MARKETING')),
    email       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid REFERENCES organizer (id) ON DELETE SET NULL,
    withdrawn_at timestamptz,
    CHECK ((role = 'CO_ORGANIZER') = (event_id IS NOT NULL))
);
CREATE INDEX team_invite_by_owner ON team_invite (owner_id, created_at);
