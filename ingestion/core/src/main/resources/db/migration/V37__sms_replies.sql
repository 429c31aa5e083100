-- Texts from the phone: a yes to texts confirmed by the number itself (it texted YES to the organizers' number; where
-- the law asks for that, campaigns text only confirmed numbers), and a STOP texted back withdraws the number's every
-- yes (withdrawn_via 'sms-stop', which START undoes).
-- phone_e164 is the number as Twilio reports a text's sender (the kept phone is "+ and digits" as written).
ALTER TABLE sms_consent
    ADD COLUMN confirmed_at timestamptz,
    ADD COLUMN phone_e164   text;
UPDATE sms_consent SET phone_e164 = phone WHERE phone LIKE '+%';
CREATE INDEX sms_consent_by_e164 ON sms_consent (phone_e164);
