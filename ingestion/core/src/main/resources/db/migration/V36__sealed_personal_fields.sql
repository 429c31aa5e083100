-- Ticket buyers' and holders' names and addresses sealed (PersonalText) under their order's or ticket's own secret,
-- each address with its blind index (BlindIndex) to find a person's orders and tickets by. The plain columns stay
-- for rows of earlier releases until LegacySealing seals them, and for erased rows, which keep "Erased guest" and ''.
ALTER TABLE ticket_order
    ALTER COLUMN buyer_name DROP NOT NULL,
    ALTER COLUMN buyer_email DROP NOT NULL,
    ADD COLUMN buyer_name_sealed  bytea,
    ADD COLUMN buyer_email_sealed bytea,
    ADD COLUMN buyer_email_index  bytea;
ALTER TABLE ticket
    ALTER COLUMN holder_name DROP NOT NULL,
    ALTER COLUMN holder_email DROP NOT NULL,
    ADD COLUMN holder_name_sealed  bytea,
    ADD COLUMN holder_email_sealed bytea,
    ADD COLUMN holder_email_index  bytea;

CREATE INDEX ticket_order_by_buyer ON ticket_order (buyer_email_index) WHERE buyer_email_index IS NOT NULL;
CREATE INDEX ticket_by_holder ON ticket (holder_email_index) WHERE holder_email_index IS NOT NULL;
-- what is left to seal (an order or ticket of an earlier release, not erased), found by address until then
CREATE INDEX ticket_order_plain ON ticket_order (lower(buyer_email)) WHERE buyer_email <> '';
CREATE INDEX ticket_plain ON ticket (lower(holder_email)) WHERE holder_email <> '';

-- The guest's name and the organizer's personal message to them, sealed under the invitation's own secret like the
-- guest's note. An erased invitation keeps "Erased guest" as its plain name.
ALTER TABLE invitation
    ALTER COLUMN guest_name DROP NOT NULL,
    ADD COLUMN guest_name_sealed bytea,
    ADD COLUMN message_sealed bytea;
CREATE INDEX invitation_plain_message ON invitation (id) WHERE message IS NOT NULL;
CREATE INDEX invitation_plain_name ON invitation (id) WHERE guest_name IS NOT NULL AND erased_at IS NULL;
