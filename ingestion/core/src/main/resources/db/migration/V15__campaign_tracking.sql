-- What became of each recipient of a campaign: when batch-jobs handed their message over (mail server or push
-- service), when their mail client first showed it (tracking pixel), when they first followed its link. The
-- campaign's results are counted from these, and the A/B winner is picked from them.
ALTER TABLE campaign_recipient
    ADD COLUMN sent_at    timestamptz,
    ADD COLUMN opened_at  timestamptz,
    ADD COLUMN clicked_at timestamptz;
