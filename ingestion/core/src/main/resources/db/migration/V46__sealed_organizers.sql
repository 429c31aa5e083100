-- Organizers' own addresses and names sealed, like their guests': under the account's own secret (person key
-- organizer:<id>), the address's blind index beside it. An account is found by that index (sign-in, sign-up's
-- uniqueness, configured roles); V47 indexes the accounts of earlier releases before the core serves, and start-up
-- seals their plain address and name (PlainOrganizers).
ALTER TABLE organizer
    ADD COLUMN email_sealed bytea,
    ADD COLUMN name_sealed  bytea,
    ADD COLUMN email_index  bytea,
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN email_normalized DROP NOT NULL,
    ALTER COLUMN name DROP NOT NULL;
CREATE UNIQUE INDEX organizer_by_email_index ON organizer (email_index);
-- sign-in attempts are counted by the typed address's blind index from now on (SignInThrottle): the counts kept by
-- the address in clear go (a lock in progress ends with the upgrade)
DELETE FROM sign_in_throttle WHERE email_key NOT LIKE 'index:%';
