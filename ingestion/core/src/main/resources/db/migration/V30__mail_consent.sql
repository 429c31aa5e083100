-- Guests' yes to an organizer's marketing mail (campaign/MailConsents), asked for only where an installation needs
-- it (inviteflow.campaigns.mail-needs-consent). Double opt-in: the invitation page asks for a link mailed to the
-- invitation's address (mail_consent_request, only its hash kept), and only opening it records the yes. Every yes is
-- a row of its own with the address as invitations key their person (person_key), its time and source, and when and
-- how it was withdrawn: a yes given again after a no is a new row, so the history stays.
CREATE TABLE mail_consent (
    id               bigserial   PRIMARY KEY,
    invitation_id    uuid        NOT NULL REFERENCES invitation (id),
    email_normalized text        NOT NULL,
    given_at         timestamptz NOT NULL,
    source           text        NOT NULL,
    withdrawn_at     timestamptz,
    withdrawn_via    text
);
CREATE INDEX mail_consent_by_invitation ON mail_consent (invitation_id);
CREATE INDEX mail_consent_live_by_address ON mail_consent (email_normalized) WHERE withdrawn_at IS NULL;

CREATE TABLE mail_consent_request (
    token_hash    bytea       PRIMARY KEY,
    invitation_id uuid        NOT NULL REFERENCES invitation (id),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX mail_consent_request_by_invitation ON mail_consent_request (invitation_id, created_at);
