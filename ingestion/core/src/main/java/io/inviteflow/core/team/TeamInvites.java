package io.inviteflow.core.team;

import io.inviteflow.core.account.Organizers;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.mail.CoreMail;
import io.inviteflow.core.security.LinkTokens;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to an organizer's team: a link mailed to the address the owner typed, to the console's join page,
 * working once within a week. Whoever opens it signed in joins with their own account — the link proves the mailbox,
 * not an account, so the owner's typing decides nothing about who has accounts (and learns nothing of it either).
 * An owner sends {@value #INVITES_PER_DAY} a day at most: the mails carry the owner's name to any address.
 */
@Component
class TeamInvites {

    static final int INVITES_PER_DAY = 20;
    static final Duration VALID = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(TeamInvites.class);

    /** A pending invitation, as its owner lists it. */
    record Pending(UUID id, String email, TeamRole role, UUID eventId, Instant createdAt, Instant expiresAt) {
    }

    /** What a live link invites to, shown before joining. */
    record Offer(UUID ownerId, String ownerName, TeamRole role, UUID eventId, String eventTitle, Instant expiresAt) {

        Offer ownedBy(String name) {
            return new Offer(ownerId, name, role, eventId, eventTitle, expiresAt);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Teams teams;
    private final Organizers organizers;
    private final SecurityAudit audit;
    private final CoreMail mail;
    private final URI consoleUrl;
    private final Clock clock;
    private final TeamInviteAddresses addresses;

    TeamInvites(JdbcClient jdbc, TransactionTemplate transactions, Teams teams, Organizers organizers,
                SecurityAudit audit, CoreMail mail, @Value("${inviteflow.console-url}") URI consoleUrl, Clock clock,
                TeamInviteAddresses addresses) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.teams = teams;
        this.organizers = organizers;
        this.audit = audit;
        this.mail = mail;
        this.consoleUrl = consoleUrl;
        this.clock = clock;
        this.addresses = addresses;
    }

    /**
     * Mails an invitation to co-organize or follow {@code event} as {@code role} (or, without an event, to join the
     * owner's marketing team).
     *
     * @throws ErrorResponseException 429 past the day's invitations, 503 when the mail server did not take the mail
     *                                (then no invitation is left behind)
     */
    Pending invite(UUID ownerId, PartyEvent event, TeamRole role, String email) {
        String token = LinkTokens.random();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            // one owner at a time: two invitations at once cannot both pass the count
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('team-invite:' || :owner))")
                    .param("owner", ownerId.toString()).query((java.sql.ResultSet rs) -> { });
            long today = jdbc.sql("SELECT count(*) FROM team_invite WHERE owner_id = :owner AND created_at > :dayAgo")
                    .param("owner", ownerId).param("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1))))
                    .query(Long.class).single();
            if (today >= INVITES_PER_DAY) {
                throw Problems.tooManyRequests(INVITES_PER_DAY + " team invitations a day at most", Duration.ofHours(1));
            }
            jdbc.sql("""
                            INSERT INTO team_invite (id, token_hash, owner_id, event_id, role, created_at, expires_at)
                            VALUES (:id, :hash, :owner, :event, :role, :now, :expires)""")
                    .param("id", id).param("hash", LinkTokens.hash(token)).param("owner", ownerId)
                    .param("event", event == null ? null : event.id(), Types.OTHER).param("role", role.name())
                    .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(VALID))).update();
            addresses.keep(id, email.trim());
        });
        try {
            String owner = organizers.nameOf(ownerId);
            mail.send(email.trim(), subject(owner, event, role), body(owner, event, role, token));
        } catch (MailException e) {
            log.warn("a team invitation of organizer {} was not sent: {}", ownerId, e.getMessage());
            // nothing reached anyone: it does not count towards the day's invitations
            transactions.executeWithoutResult(status -> {
                addresses.shred(List.of(id));
                jdbc.sql("DELETE FROM team_invite WHERE id = :id").param("id", id).update();
            });
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, org.springframework.http.ProblemDetail
                    .forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                            "the mail server did not take the invitation; nothing was sent, try again later"), e);
        }
        // the invitation, not the address: the trail outlives the address, which goes once the invitation is over
        audit.record(ownerId, SecurityAudit.Action.TEAM_INVITE_SENT, role + " invitation " + id);
        return new Pending(id, email.trim(), role, event == null ? null : event.id(), now, now.plus(VALID));
    }

    private static String subject(String owner, PartyEvent event, TeamRole role) {
        return switch (role) {
            case MARKETING -> owner + " invites you to their marketing team on Inviteflow";
            case CO_ORGANIZER -> owner + " invites you to co-organize " + event.title();
            case VIEWER -> owner + " invites you to follow " + event.title();
        };
    }

    private String body(String owner, PartyEvent event, TeamRole role, String token) {
        String what = switch (role) {
            case MARKETING -> "to work on their campaigns and address book as a member of their marketing team";
            case CO_ORGANIZER -> "to co-organize \"" + event.title()
                    + "\" with them: its guests, invitations, tickets and wall";
            case VIEWER -> "to follow \"" + event.title()
                    + "\": to see its guests, their answers, its sales and its wall, without changing them";
        };
        return """
                Hello,

                %s invites you %s on Inviteflow.

                Open this link, sign in (or sign up) and join — it works once, within a week:

                %s

                If you did not expect it, ignore this mail: nothing happens without you.
                """.formatted(owner, what, consoleUrl.resolve("/join/" + token));
    }

    List<Pending> pending(UUID ownerId, UUID eventId) {
        List<Listed> listed = jdbc.sql("""
                        SELECT id, email_sealed, email, role, event_id, created_at, expires_at FROM team_invite
                        WHERE owner_id = :owner AND event_id IS NOT DISTINCT FROM CAST(:event AS uuid)
                          AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > :now
                        ORDER BY created_at, id""")
                .param("owner", ownerId).param("event", eventId, Types.OTHER)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Listed(new TeamInviteAddresses.Stored(rs.getObject(1, UUID.class),
                        rs.getBytes(2), rs.getString(3)), TeamRole.valueOf(rs.getString(4)),
                        rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
                .list();
        Map<UUID, String> opened = addresses.open(listed.stream().map(Listed::address).toList());
        return listed.stream().map(l -> new Pending(l.address().inviteId(), opened.get(l.address().inviteId()),
                l.role(), l.eventId(), l.createdAt(), l.expiresAt())).toList();
    }

    /** A pending invitation read with its address still sealed. */
    private record Listed(TeamInviteAddresses.Stored address, TeamRole role, UUID eventId, Instant createdAt,
                          Instant expiresAt) {
    }

    /**
     * Withdraws a pending invitation to the team of the owner's event (or marketing team, without one): its link
     * opens nothing from now on; it still counts towards the day's invitations.
     */
    boolean withdraw(UUID ownerId, UUID eventId, UUID inviteId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean withdrawn = jdbc.sql("UPDATE team_invite SET withdrawn_at = :now WHERE id = :id "
                            + "AND owner_id = :owner AND accepted_at IS NULL AND withdrawn_at IS NULL "
                            + "AND event_id IS NOT DISTINCT FROM CAST(:event AS uuid)")
                    .param("id", inviteId).param("owner", ownerId).param("event", eventId, Types.OTHER)
                    .param("now", Timestamp.from(clock.instant())).update() == 1;
            if (withdrawn) {
                addresses.shred(List.of(inviteId));
            }
            return withdrawn;
        }));
    }

    private static ErrorResponseException gone() {
        return Problems.notFound("team invitation", "behind this link (used, withdrawn or expired)");
    }

    /** What a live link invites to; empty when it is used, withdrawn, expired or unknown. */
    Optional<Offer> offer(String token) {
        return jdbc.sql("""
                        SELECT i.owner_id, i.role, i.event_id, e.title, i.expires_at
                        FROM team_invite i LEFT JOIN party_event e ON e.id = i.event_id
                        WHERE i.token_hash = :hash AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL
                          AND i.expires_at > :now""")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Offer(rs.getObject(1, UUID.class), null,
                        TeamRole.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional()
                // the owner's name is sealed: opened after the query
                .map(o -> o.ownedBy(organizers.nameOf(o.ownerId())));
    }

    /**
     * Joins the team the link invites to, with the signed-in account, once.
     *
     * @throws ErrorResponseException 404 for a link used, withdrawn, expired or unknown; 409 for the owner's own
     */
    Offer accept(String token, UUID accountId) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Offer offer = offer(token).orElseThrow(TeamInvites::gone);
            if (offer.ownerId().equals(accountId)) {
                throw Problems.conflict("this invitation is to your own team");
            }
            List<UUID> spent = jdbc.sql("UPDATE team_invite SET accepted_at = :now, accepted_by = :account "
                            + "WHERE token_hash = :hash AND accepted_at IS NULL AND withdrawn_at IS NULL "
                            + "AND expires_at > :now RETURNING id")
                    .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(now))
                    .param("account", accountId).query(UUID.class).list();
            if (spent.isEmpty()) {
                throw gone(); // accepted in the same instant by another request
            }
            addresses.shred(spent); // joined: the address it was mailed to is needed no more
            teams.add(offer.ownerId(), accountId, offer.role(), offer.eventId(), now);
            audit.record(offer.ownerId(), SecurityAudit.Action.TEAM_JOINED, offer.role() + " " + accountId);
            audit.record(accountId, SecurityAudit.Action.TEAM_JOINED, offer.role() + " of " + offer.ownerId());
            return offer;
        });
    }
}
