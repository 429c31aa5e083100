-- An account made from now on signs in once its address is confirmed (the link mailed at sign-up, or a password reset
-- through that mailbox): otherwise signing up with someone's address and then signing in with the password just
-- chosen would tell whether the address had an account (the sign-in works only if it had none). Accounts of earlier
-- releases keep signing in as they did: the column is false for them, and true by default for every account after.
ALTER TABLE organizer ADD COLUMN sign_in_awaits_confirmation boolean NOT NULL DEFAULT false;
ALTER TABLE organizer ALTER COLUMN sign_in_awaits_confirmation SET DEFAULT true;
