-- Who was in an A/B test's share: after the winner goes to everybody else, the versions' results are still those of
-- the test alone.
ALTER TABLE campaign_recipient ADD COLUMN in_test boolean NOT NULL DEFAULT false;
