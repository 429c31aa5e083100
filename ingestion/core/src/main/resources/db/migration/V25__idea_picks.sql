-- What guests picked from the idea catalogue (an outfit to wear, a gift to give, something to bring): the organizer's
-- "who brings what" and the guest's own ticks. A gift from the registry is given once per event: `exclusive` picks
-- are unique per event and item, so two guests tapping at the same moment cannot both take the same gift.
CREATE TABLE idea_pick (
    invitation_id  uuid        NOT NULL REFERENCES invitation (id) ON DELETE CASCADE,
    party_event_id uuid        NOT NULL REFERENCES party_event (id) ON DELETE CASCADE,
    item_id        text        NOT NULL,
    exclusive      boolean     NOT NULL,
    picked_at      timestamptz NOT NULL,
    PRIMARY KEY (invitation_id, item_id)
);
CREATE UNIQUE INDEX idea_pick_gift_once ON idea_pick (party_event_id, item_id) WHERE exclusive;
CREATE INDEX idea_pick_by_event ON idea_pick (party_event_id, item_id);
