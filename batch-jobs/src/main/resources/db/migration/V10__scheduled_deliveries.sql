-- Scheduled reminders use the same ledger: kind before-event/<rule id>/<channel> (longer than 40), and a Web Push
-- delivery's recipient is the guest's browsers rather than a mail address.
ALTER TABLE reminder_delivery ALTER COLUMN kind TYPE VARCHAR(100);
