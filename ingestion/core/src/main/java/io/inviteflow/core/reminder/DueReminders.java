package io.inviteflow.core.reminder;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.push.PushTargets;
import io.inviteflow.core.security.GuestNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Which guests each reminder rule is due for in a window of time. A rule's moment is computed per guest in SQL (the
 * start, the invitation's making, the RSVP deadline, minus or plus the offset), so the answer is exact whenever it is
 * asked: a guest who answered, opened or was withdrawn in the meantime is no longer due.
 */
@Repository
class DueReminders {

    private final JdbcClient jdbc;
    private final GuestAccess guests;
    private final CoreProperties core;
    private final PushTargets push;
    private final GuestNames names;

    DueReminders(JdbcClient jdbc, GuestAccess guests, CoreProperties core, PushTargets push, GuestNames names) {
        this.names = names;
        this.jdbc = jdbc;
        this.guests = guests;
        this.core = core;
        this.push = push;
    }

    /** The page key: rule, then invitation. */
    record Position(UUID ruleId, UUID invitationId) {
        static final Position START = new Position(new UUID(0, 0), new UUID(0, 0));
    }

    /** Due after {@code from}, at or before {@code to}, for events not yet started at {@code to}. */
    List<DueReminder> due(Instant from, Instant to, Position after, int limit) {
        List<DueReminder> due = names.open(jdbc.sql("""
                        WITH due AS (
                          SELECT r.id AS rule_id, r.kind, r.offset_seconds, r.channels, e.id AS event_id, e.title,
                                 e.starts_at, e.time_zone AS event_zone, i.id AS invitation_id, %s,
                                 i.time_zone AS guest_zone, i.response,
                                 CASE r.kind
                                   WHEN 'BEFORE_EVENT' THEN e.starts_at - r.offset_seconds * interval '1 second'
                                   WHEN 'UNOPENED' THEN i.created_at + r.offset_seconds * interval '1 second'
                                   ELSE coalesce(e.rsvp_deadline, e.starts_at) - r.offset_seconds * interval '1 second'
                                 END AS due_at
                          FROM reminder_rule r
                          JOIN party_event e ON e.id = r.event_id
                          JOIN invitation i ON i.party_event_id = e.id
                          WHERE e.status = 'SCHEDULED' AND e.starts_at > :to AND i.revoked_at IS NULL
                            AND i.reminders_stopped_at IS NULL
                            AND (r.kind <> 'BEFORE_EVENT' OR i.response IN ('YES', 'MAYBE')
                                 AND coalesce(i.attendance, 'CONFIRMED') = 'CONFIRMED')
                            AND (r.kind <> 'UNOPENED' OR i.first_opened_at IS NULL AND i.response IS NULL)
                            AND (r.kind <> 'MAYBE_BEFORE_DEADLINE' OR i.response = 'MAYBE')
                            AND (i.email_index IS NOT NULL
                                 OR EXISTS (SELECT 1 FROM push_subscription p WHERE p.invitation_id = i.id))
                        )
                        SELECT * FROM due
                        WHERE due_at > :from AND due_at <= :to
                          AND (rule_id, invitation_id) > (:afterRule, :afterInvitation)
                        ORDER BY rule_id, invitation_id
                        LIMIT :limit""".formatted(GuestNames.addressColumns("i.")))
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .param("afterRule", after.ruleId()).param("afterInvitation", after.invitationId())
                .param("limit", limit)
                .query((rs, row) -> {
                    UUID invitation = rs.getObject("invitation_id", UUID.class);
                    String zone = rs.getString("event_zone");
                    UUID rule = rs.getObject("rule_id", UUID.class);
                    ReminderRule.Kind kind = ReminderRule.Kind.valueOf(rs.getString("kind"));
                    Duration offset = Duration.ofSeconds(rs.getLong("offset_seconds"));
                    var channels = ReminderRules.channels(rs.getArray("channels"));
                    Instant dueAt = rs.getTimestamp("due_at").toInstant();
                    UUID event = rs.getObject("event_id", UUID.class);
                    String title = rs.getString("title");
                    OffsetDateTime startsAt = rs.getObject("starts_at", OffsetDateTime.class)
                            .atZoneSameInstant(ZoneId.of(zone)).toOffsetDateTime();
                    String guestZone = rs.getString("guest_zone");
                    String response = rs.getString("response");
                    String link = core.publicUrl().resolve(guests.pagePath(invitation)).toString();
                    return GuestNames.Named.withAddress(rs, invitation, guest -> new DueReminder(rule, kind, offset,
                            channels, dueAt, event, title, startsAt, zone, invitation, guest.name(), guest.email(),
                            guestZone, response, link, List.of()));
                })
                .list());
        return withPush(due);
    }

    /** The page's push subscriptions in one query (never a query per row). */
    private List<DueReminder> withPush(List<DueReminder> due) {
        var targets = push.of(due.stream().map(DueReminder::invitationId).toList());
        return due.stream().map(d -> d.withPush(targets.getOrDefault(d.invitationId(), List.of()))).toList();
    }
}
