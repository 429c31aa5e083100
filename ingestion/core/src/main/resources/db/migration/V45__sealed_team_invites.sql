-- The address a team invitation is mailed to is another person's, often someone without an account: sealed under the
-- invitation's own secret (person key team-invite:<id>), its blind index beside it so that person's copy and erasure
-- find it. It is kept while the invitation is pending: joining, withdrawing or expiring shreds it (TeamInvites).
-- Invitations of earlier releases are sealed, or shredded when no longer pending, at start-up (PlainTeamInvites).
ALTER TABLE team_invite
    ADD COLUMN email_sealed bytea,
    ADD COLUMN email_index  bytea,
    ALTER COLUMN email DROP NOT NULL;
CREATE INDEX team_invite_by_email_index ON team_invite (email_index) WHERE email_index IS NOT NULL;
-- earlier releases wrote the address into the owner's trail ("CO_ORGANIZER ada@example.org"): the role stays, the
-- address goes, as it now goes from the invitation (TeamInvites names the invitation instead)
UPDATE security_audit SET detail = split_part(detail, ' ', 1)
WHERE action = 'TEAM_INVITE_SENT' AND detail LIKE '%@%';
