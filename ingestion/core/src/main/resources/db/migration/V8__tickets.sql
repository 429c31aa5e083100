-- Tickets and money. Amounts are integer minor units (cents) with the event's ISO 4217 currency, never floating point.

-- How an event sells: one currency for all its tiers, the VAT its prices include, the service fee added per order,
-- and what buyers may do themselves.
CREATE TABLE ticket_settings (
    event_id                    uuid PRIMARY KEY REFERENCES party_event (id),
    currency                    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    vat_basis_points            int     NOT NULL DEFAULT 0 CHECK (vat_basis_points BETWEEN 0 AND 10000),
    fee_fixed_minor             bigint  NOT NULL DEFAULT 0 CHECK (fee_fixed_minor >= 0),
    fee_basis_points            int     NOT NULL DEFAULT 0 CHECK (fee_basis_points BETWEEN 0 AND 10000),
    transfers_allowed           boolean NOT NULL DEFAULT true,
    -- buyers may cancel (and are refunded) until this many hours before the start; null: they may not
    cancel_until_hours_before   int CHECK (cancel_until_hours_before >= 0),
    -- after a reschedule, buyers may ask for a refund until then
    refund_requests_until       timestamptz
);

-- "taken" counts places held by pending orders and sold ones: the one counter an atomic conditional UPDATE checks, so
-- two buyers can never both take the last ticket.
CREATE TABLE ticket_tier (
    id            uuid PRIMARY KEY,
    event_id      uuid        NOT NULL REFERENCES party_event (id),
    name          text        NOT NULL,
    description   text,
    price_minor   bigint      NOT NULL CHECK (price_minor >= 0),
    quantity      int         NOT NULL CHECK (quantity >= 0),
    taken         int         NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= quantity),
    sales_start   timestamptz,
    sales_end     timestamptz,
    min_per_order int         NOT NULL DEFAULT 1 CHECK (min_per_order >= 1),
    max_per_order int         NOT NULL DEFAULT 10 CHECK (max_per_order >= min_per_order),
    position      int         NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_tier_by_event ON ticket_tier (event_id, position);

CREATE TABLE discount_code (
    id               uuid PRIMARY KEY,
    event_id         uuid        NOT NULL REFERENCES party_event (id),
    code             text        NOT NULL,
    percent_off      int CHECK (percent_off BETWEEN 1 AND 100),
    amount_off_minor bigint CHECK (amount_off_minor > 0),
    max_uses         int CHECK (max_uses >= 1),
    used             int         NOT NULL DEFAULT 0 CHECK (used >= 0 AND (max_uses IS NULL OR used <= max_uses)),
    valid_from       timestamptz,
    valid_until      timestamptz,
    -- null: every tier
    tier_ids         uuid[],
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((percent_off IS NULL) <> (amount_off_minor IS NULL))
);
CREATE UNIQUE INDEX discount_code_per_event ON discount_code (event_id, upper(code));

CREATE TABLE ticket_order (
    id                uuid PRIMARY KEY,
    event_id          uuid        NOT NULL REFERENCES party_event (id),
    invitation_id     uuid REFERENCES invitation (id),
    buyer_name        text        NOT NULL,
    buyer_email       text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'EXPIRED', 'REFUNDED')),
    currency          char(3)     NOT NULL,
    subtotal_minor    bigint      NOT NULL,
    discount_minor    bigint      NOT NULL,
    fee_minor         bigint      NOT NULL,
    vat_minor         bigint      NOT NULL,
    total_minor       bigint      NOT NULL CHECK (total_minor >= 0),
    refunded_minor    bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor),
    discount_code_id  uuid REFERENCES discount_code (id),
    hold_expires_at   timestamptz NOT NULL,
    gateway           text        NOT NULL,
    payment_reference text,
    client_secret     text,
    payment_attempts  int         NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    paid_at           timestamptz
);
CREATE INDEX ticket_order_by_event ON ticket_order (event_id, status, id);
CREATE INDEX ticket_order_by_invitation ON ticket_order (invitation_id, created_at);
CREATE INDEX ticket_order_holds ON ticket_order (hold_expires_at) WHERE status = 'PENDING';
CREATE UNIQUE INDEX ticket_order_by_payment ON ticket_order (gateway, payment_reference);

CREATE TABLE order_line (
    order_id         uuid   NOT NULL REFERENCES ticket_order (id),
    tier_id          uuid   NOT NULL REFERENCES ticket_tier (id),
    quantity         int    NOT NULL CHECK (quantity >= 1),
    unit_price_minor bigint NOT NULL,
    discount_minor   bigint NOT NULL,
    PRIMARY KEY (order_id, tier_id)
);

-- One row per admission. code_version is part of the signed QR payload: a transfer bumps it, so the old code stops
-- opening the door.
CREATE TABLE ticket (
    id                uuid PRIMARY KEY,
    order_id          uuid        NOT NULL REFERENCES ticket_order (id),
    tier_id           uuid        NOT NULL REFERENCES ticket_tier (id),
    event_id          uuid        NOT NULL REFERENCES party_event (id),
    holder_name       text        NOT NULL,
    holder_email      text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('VALID', 'CANCELLED', 'REFUNDED')),
    code_version      int         NOT NULL DEFAULT 1,
    issued_at         timestamptz NOT NULL DEFAULT now(),
    checked_in_at     timestamptz,
    checked_in_device text
);
CREATE INDEX ticket_by_order ON ticket (order_id);
CREATE INDEX ticket_by_event ON ticket (event_id, status);

-- Every refund the gateway made, once: the idempotency key is also the key sent to the gateway, so a retry after a
-- crash gets the gateway's first answer back and lands on this same row.
CREATE TABLE refund (
    id                uuid PRIMARY KEY,
    order_id          uuid        NOT NULL REFERENCES ticket_order (id),
    idempotency_key   text        NOT NULL UNIQUE,
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    reason            text        NOT NULL,
    gateway_reference text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refund_by_order ON refund (order_id);

-- Gateway webhook events already handled: a replayed event changes nothing.
CREATE TABLE payment_webhook_event (
    gateway     text        NOT NULL,
    event_id    text        NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (gateway, event_id)
);

-- Calls to the gateway that failed (timeouts, refusals other than a buyer's card): what admins look at.
CREATE TABLE gateway_error (
    id          bigserial PRIMARY KEY,
    gateway     text        NOT NULL,
    operation   text        NOT NULL,
    order_id    uuid,
    code        text,
    message     text        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);

-- Scanners at the doors: each has its own link (only its hash is stored) and name, shown on every check-in it made.
CREATE TABLE check_in_device (
    id         uuid PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES party_event (id),
    name       text        NOT NULL,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
