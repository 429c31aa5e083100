-- At most this many people a minute (null: as fast as the mail server takes them), for a mail server's or a provider's
-- sending limits and to spread the replies.
ALTER TABLE campaign ADD COLUMN per_minute integer CHECK (per_minute BETWEEN 1 AND 100000);
