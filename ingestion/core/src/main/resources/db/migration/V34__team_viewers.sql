-- A viewer: on one event's team to read it (a client of a planner, a venue's manager, a sponsor), changing nothing.
-- Event-scoped like a co-organizer; only marketing has no event.
ALTER TABLE team_member
    DROP CONSTRAINT team_member_role_check,
    DROP CONSTRAINT team_member_check,
    ADD CONSTRAINT team_member_role_check CHECK (role IN ('CO_ORGANIZER', 'VIEWER', 'MARKETING')),
    ADD CONSTRAINT team_member_event_scope CHECK ((role <> 'MARKETING') = (event_id IS NOT NULL));

ALTER TABLE team_invite
    DROP CONSTRAINT team_invite_role_check,
    DROP CONSTRAINT team_invite_check,
    ADD CONSTRAINT team_invite_role_check CHECK (role IN ('CO_ORGANIZER', 'VIEWER', 'MARKETING')),
    ADD CONSTRAINT team_invite_event_scope CHECK ((role <> 'MARKETING') = (event_id IS NOT NULL));
