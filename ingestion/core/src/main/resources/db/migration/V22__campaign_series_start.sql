-- When a series counts its occurrences from: the first occurrence's time as scheduled. Its send_at may move later (an
-- A/B test's winner goes out when it is picked), which must not move the rest of the series.
ALTER TABLE campaign ADD COLUMN series_start timestamptz;
UPDATE campaign c SET series_start = f.send_at FROM campaign f WHERE f.id = c.series_id;
