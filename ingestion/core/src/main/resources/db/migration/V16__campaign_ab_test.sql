-- A/B test of a campaign: a second subject and message go to half of a test share of the audience, the other half
-- gets the first; after decide_after the better one by winner_by goes to everybody else.
ALTER TABLE campaign
    ADD COLUMN subject_b    text,
    ADD COLUMN message_b    text,
    -- the share of the audience in the test, split evenly between A and B
    ADD COLUMN test_percent integer CHECK (test_percent BETWEEN 10 AND 50),
    ADD COLUMN winner_by    text CHECK (winner_by IN ('OPENED', 'CLICKED', 'ANSWERED')),
    ADD COLUMN decide_after interval,
    -- when the test's sending run completed plus decide_after: the winner is picked then
    ADD COLUMN decide_at    timestamptz,
    ADD COLUMN winner       text CHECK (winner IN ('A', 'B')),
    ADD CONSTRAINT campaign_ab_test_whole CHECK (
        (subject_b IS NULL) = (message_b IS NULL) AND (subject_b IS NULL) = (test_percent IS NULL)
        AND (subject_b IS NULL) = (winner_by IS NULL) AND (subject_b IS NULL) = (decide_after IS NULL));

-- TESTING: the test share was sent, the winner is not picked yet
ALTER TABLE campaign DROP CONSTRAINT campaign_status_check;
ALTER TABLE campaign ADD CONSTRAINT campaign_status_check
    CHECK (status IN ('DRAFT', 'SCHEDULED', 'TESTING', 'PAUSED', 'SENT', 'CANCELLED'));
CREATE INDEX campaign_deciding ON campaign (decide_at) WHERE status = 'TESTING';

-- Which version a recipient gets: A (the only one of a campaign without a test), B, or not yet decided (null: the
-- rest of an A/B test's audience until its winner is picked). The sender pages only through decided recipients.
ALTER TABLE campaign_recipient ADD COLUMN variant char(1) CHECK (variant IN ('A', 'B'));
UPDATE campaign_recipient SET variant = 'A';
