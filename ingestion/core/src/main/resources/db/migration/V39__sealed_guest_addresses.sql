-- Guests' addresses and numbers sealed (PersonalText) under their invitation's own secret, like their names, each with
-- blind indexes (BlindIndex) to find and compare them by without opening them: the address's, the number's as written
-- (+ and digits) and the number's E.164 form (known only for a number with its country code). The plain columns stay
-- for rows of earlier releases until LegacySealing seals them; V40 (a Java migration: the indexes need the master
-- key) indexes those rows first, so every query finds people by index alone from the start.
ALTER TABLE invitation
    ADD COLUMN guest_email_sealed bytea,
    ADD COLUMN guest_phone_sealed bytea,
    ADD COLUMN email_index        bytea,
    ADD COLUMN phone_index        bytea,
    ADD COLUMN e164_index         bytea;

-- Who an invitation reaches, as campaigns, opt-outs and consents count people: the address's blind index, else the
-- invitation itself. It was the address in lower case (V23); V40 moves what was kept by that key.
ALTER TABLE invitation DROP COLUMN person_key;
ALTER TABLE invitation
    ADD COLUMN person_key text GENERATED ALWAYS AS (
        CASE WHEN email_index IS NOT NULL THEN 'email:' || encode(email_index, 'hex')
             ELSE 'invitation:' || id::text END) STORED;

CREATE INDEX invitation_by_email ON invitation (email_index) WHERE email_index IS NOT NULL;
CREATE INDEX invitation_by_phone ON invitation (phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX invitation_plain_email ON invitation (id) WHERE guest_email IS NOT NULL;
CREATE INDEX invitation_plain_phone ON invitation (id) WHERE guest_phone IS NOT NULL;

-- A yes to texts names its number by index alone: the number as written when it was given (the invitation's number
-- must still be that one for texts to go) and its E.164 form (a STOP, START or YES texted from the phone). V40 fills
-- them for earlier yeses and empties the plain columns; the number itself stays on the invitation, sealed.
ALTER TABLE sms_consent
    ALTER COLUMN phone DROP NOT NULL,
    ADD COLUMN phone_index bytea,
    ADD COLUMN e164_index  bytea;
DROP INDEX sms_consent_by_e164;
CREATE INDEX sms_consent_by_phone ON sms_consent (phone_index);
CREATE INDEX sms_consent_by_e164 ON sms_consent (e164_index);

-- A delivery report is kept by its message's key, which names the invitation: the address or number the relay named
-- was checked against the invitation's (by index) and is not kept.
ALTER TABLE mail_feedback ALTER COLUMN recipient DROP NOT NULL;
UPDATE mail_feedback SET recipient = NULL;
