-- Guests' yes to marketing mail (campaign/MailConsents), asked for only where an installation needs it
-- (inviteflow.campaigns.mail-needs-consent): kept per invitation it was given on, with the address as invitations
-- key their person (person_key), the time and the place, and when and how it was withdrawn.
CREATE TABLE mail_consent (
    invitation_id    uuid        PRIMARY KEY REFERENCES invitation (id),
    email_normalized text        NOT NULL,
    given_at         timestamptz NOT NULL,
    source           text        NOT NULL,
    withdrawn_at     timestamptz,
    withdrawn_via    text
);
CREATE INDEX mail_consent_by_address ON mail_consent (email_normalized) WHERE withdrawn_at IS NULL;
