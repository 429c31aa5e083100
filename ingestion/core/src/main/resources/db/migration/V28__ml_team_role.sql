-- The ML team (retrains and promotes the recommender's models in the console) becomes a role stored with the account,
-- like ADMIN: the console takes both from the core instead of lists of its own.
ALTER TABLE organizer_role DROP CONSTRAINT organizer_role_role_check;
ALTER TABLE organizer_role ADD CONSTRAINT organizer_role_role_check CHECK (role IN ('ADMIN', 'ML'));
