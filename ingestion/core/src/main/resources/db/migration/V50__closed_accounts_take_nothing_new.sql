-- Nothing new for a closed account (V48), also from a request that passed its token check just before the closing
-- committed, or from another core that has not heard of it yet: the statement waits for a closing in progress (which
-- holds the account's row FOR UPDATE), then looks at the row as committed, and fails if the account is closed.
-- Statement-level, once per statement however many rows it adds (a COPY of an address book). Invitations, added a
-- thousand statements at a time, are checked once per batch by the core instead (InvitationRepository).
CREATE FUNCTION refuse_closed_organizers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM organizer WHERE id IN (SELECT organizer_id FROM added) ORDER BY id FOR KEY SHARE;
    IF EXISTS (SELECT 1 FROM organizer WHERE id IN (SELECT organizer_id FROM added) AND closed_at IS NOT NULL) THEN
        RAISE EXCEPTION 'the organizer''s account is closed' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER party_event_of_open_accounts AFTER INSERT ON party_event REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_closed_organizers();
CREATE TRIGGER contact_of_open_accounts AFTER INSERT ON contact REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_closed_organizers();
CREATE TRIGGER contact_list_of_open_accounts AFTER INSERT ON contact_list REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_closed_organizers();
CREATE TRIGGER webhook_endpoint_of_open_accounts AFTER INSERT ON webhook_endpoint REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_closed_organizers();
CREATE TRIGGER campaign_of_open_accounts AFTER INSERT ON campaign REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_closed_organizers();
