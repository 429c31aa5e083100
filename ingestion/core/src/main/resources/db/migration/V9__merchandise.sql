-- Merchandise sold in bundles with tickets (a T-shirt, a dinner, a parking place), with its own stock: a bundle tier
-- can only be sold while every item it includes is left. "taken" works like the tiers' (held by pending orders, sold).
CREATE TABLE merchandise (
    id         uuid PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES party_event (id),
    name       text        NOT NULL,
    quantity   int         NOT NULL CHECK (quantity >= 0),
    taken      int         NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= quantity),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merchandise_by_event ON merchandise (event_id);

-- What each ticket of a tier includes: a tier with items is a bundle.
CREATE TABLE tier_item (
    tier_id  uuid NOT NULL REFERENCES ticket_tier (id),
    item_id  uuid NOT NULL REFERENCES merchandise (id),
    quantity int  NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (tier_id, item_id)
);
