-- Texts from the phone: a yes to texts confirmed by the number itself (it texted YES to the organizers' number; where
-- the law asks for that, campaigns text only confirmed numbers), and a STOP texted back withdraws the number's every
-- yes (withdrawn_via 'sms-stop', which START undoes).
ALTER TABLE sms_consent ADD COLUMN confirmed_at timestamptz;
CREATE INDEX sms_consent_by_phone ON sms_consent (phone);
