-- A guest's yes to marketing texts (SMS needs an opt-in of its own, unlike mail to invited guests): per invitation,
-- the number it was given for (E.164), when and where; withdrawn_at once they said stop (kept: proof of both).
CREATE TABLE sms_consent (
    invitation_id uuid        PRIMARY KEY REFERENCES invitation (id),
    phone         text        NOT NULL,
    given_at      timestamptz NOT NULL,
    source        text        NOT NULL,
    withdrawn_at  timestamptz,
    withdrawn_via text
);
