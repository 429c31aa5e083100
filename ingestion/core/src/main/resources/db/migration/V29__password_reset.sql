-- Links that let an organizer who forgot their password choose a new one (account/PasswordResets). Only a link's
-- hash is kept; a link works once, for an hour; expired ones are deleted whenever a new one is asked for.
CREATE TABLE password_reset (
    token_hash   bytea PRIMARY KEY,
    organizer_id uuid        NOT NULL REFERENCES organizer (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX password_reset_by_organizer ON password_reset (organizer_id);
