-- Guests' wall posts and comments, sealed like their notes (security/PersonalText): the author's name and the text
-- as boxes under the key of the guest's invitation, bound to the row. The plain columns stay for rows written before
-- (sealed at start-up by LegacyTextSealing) and for what an erasure leaves (the erased-name marker, no text).
ALTER TABLE wall_post
    ADD COLUMN author_sealed bytea,
    ADD COLUMN body_sealed   bytea,
    ALTER COLUMN author_name DROP NOT NULL,
    ALTER COLUMN body DROP NOT NULL;
ALTER TABLE wall_comment
    ADD COLUMN author_sealed bytea,
    ADD COLUMN body_sealed   bytea,
    ALTER COLUMN author_name DROP NOT NULL,
    ALTER COLUMN body DROP NOT NULL;

-- guests erased before kept an empty text, as erasures now keep none: out of the indexes below
UPDATE wall_post SET body = NULL
 WHERE body = '' AND invitation_id IN (SELECT id FROM invitation WHERE erased_at IS NOT NULL);
UPDATE wall_comment SET body = NULL
 WHERE body = '' AND invitation_id IN (SELECT id FROM invitation WHERE erased_at IS NOT NULL);

-- what is left to seal: cheap to find once nothing is
CREATE INDEX wall_post_plain ON wall_post (id) WHERE body IS NOT NULL AND invitation_id IS NOT NULL;
CREATE INDEX wall_comment_plain ON wall_comment (id) WHERE body IS NOT NULL AND invitation_id IS NOT NULL;
