-- Links that let an organizer who forgot their password choose a new one (account/PasswordResets). Only a link's
-- hash is kept; a link works once (used_at), within an hour (expires_at). A day's links are kept a day, used or not:
-- they are what limits an address to three a day.
CREATE TABLE password_reset (
    token_hash   bytea PRIMARY KEY,
    organizer_id uuid        NOT NULL REFERENCES organizer (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);
CREATE INDEX password_reset_by_organizer ON password_reset (organizer_id, created_at);
