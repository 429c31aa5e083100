-- What a guest writes in their own words is stored sealed under a key of their own (security/PersonalText): the
-- note with their answer and their answers to the event's questions. The plain columns stay for rows written before
-- (sealed at start-up by invitation/LegacyTextSealing) and are empty for every row written since.
ALTER TABLE invitation ADD COLUMN note_sealed bytea;
ALTER TABLE question_answer ADD COLUMN value_sealed bytea;
ALTER TABLE question_answer ALTER COLUMN value DROP NOT NULL;
-- what is left to seal, found without reading the tables whole (empty once done)
CREATE INDEX invitation_plain_note ON invitation (id) WHERE note IS NOT NULL;
CREATE INDEX question_answer_plain_value ON question_answer (invitation_id) WHERE value IS NOT NULL;
