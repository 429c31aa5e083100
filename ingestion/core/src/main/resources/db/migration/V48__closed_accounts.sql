-- An organizer may close their account (privacy.AccountClosing). The row stays, as the orders of its past events
-- (bookkeeping) and its security trail point at it, but with no address, name, password nor way to sign in;
-- closed_at says when.
ALTER TABLE organizer ADD COLUMN closed_at timestamptz;

-- a closing is in the privacy trail beside copies and erasures, whether its organizer or an admin asked for it
ALTER TABLE privacy_request DROP CONSTRAINT privacy_request_kind_check;
ALTER TABLE privacy_request ADD CONSTRAINT privacy_request_kind_check
    CHECK (kind IN ('EXPORT', 'ERASURE', 'ACCOUNT_CLOSURE'));
