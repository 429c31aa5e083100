-- refused -> the provider refused the message for good (an SMS to a number that replied STOP, or to no mobile
--            number): not sent, and never tried again (each try would be refused, and billed by some providers)
ALTER TABLE reminder_delivery DROP CONSTRAINT reminder_delivery_status_check;
ALTER TABLE reminder_delivery ADD CONSTRAINT reminder_delivery_status_check
    CHECK (status IN ('claimed', 'failed', 'sent', 'published', 'refused'));
