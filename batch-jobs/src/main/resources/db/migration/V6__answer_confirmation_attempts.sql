-- A confirmation the mail server refused is tried again by the next runs, up to a limit, while the others go on.
ALTER TABLE answer_confirmation ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
