-- A guest who asked for no more reminders of this event (the mail's unsubscribe link, or List-Unsubscribe one-click).
ALTER TABLE invitation ADD COLUMN reminders_stopped_at timestamptz;
