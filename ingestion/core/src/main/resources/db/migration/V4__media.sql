-- Images and videos of an event. The bytes live in the media store (local disk or S3) under their content hash, so
-- the same file uploaded twice is stored once and its URL never changes meaning.
CREATE TABLE media (
    id             uuid PRIMARY KEY,
    party_event_id uuid        NOT NULL REFERENCES party_event (id) ON DELETE CASCADE,
    kind           text        NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO')),
    content_type   text        NOT NULL,
    bytes          bigint      NOT NULL,
    sha256         text        NOT NULL,
    -- the stored object's key, e.g. 3f2a….jpg; variants are <sha256>-w<width>.<ext>
    object_key     text        NOT NULL,
    width          integer,
    height         integer,
    variant_widths integer[]   NOT NULL DEFAULT '{}',
    original_name  text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_by_event ON media (party_event_id, created_at);
