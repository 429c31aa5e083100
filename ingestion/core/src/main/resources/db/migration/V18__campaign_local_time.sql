-- A campaign sent "at 9:00 in each guest's own time": that wall-clock time. send_at is then the first moment any zone
-- reaches it (UTC+14), and each recipient is due when their own zone does (the guest's browser's, else the event's).
ALTER TABLE campaign ADD COLUMN send_at_local timestamp;
