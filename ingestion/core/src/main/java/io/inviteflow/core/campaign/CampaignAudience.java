package io.inviteflow.core.campaign;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.push.PushTargets;
import io.inviteflow.core.security.GuestNames;
import io.inviteflow.core.security.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A segment's people, in SQL: the organizer's guests of the chosen events with the chosen answers (and engagement),
 * reachable on one of the channels (an address for mail, a browser subscribed for push, a number with its country
 * code whose owner said yes to texts for SMS), not withdrawn, not opted out of marketing — one per email address (the invitation
 * to the latest event wins), so nobody gets the same campaign twice for being invited twice. Counted live while the
 * campaign is built; fixed ({@link #freeze}) when it starts going out, so its sending pages stay stable.
 */
@Repository
class CampaignAudience {

    private final JdbcClient jdbc;
    private final GuestAccess guests;
    private final CoreProperties core;
    private final PushTargets push;
    private final io.inviteflow.core.template.TemplateCatalogue templates;
    private final org.springframework.transaction.support.TransactionTemplate counting;
    private final MailConsents mailConsents;
    private final GuestNames names;
    private final SmsConsents smsConsents;

    CampaignAudience(JdbcClient jdbc, GuestAccess guests, CoreProperties core, PushTargets push,
                     io.inviteflow.core.template.TemplateCatalogue templates,
                     org.springframework.transaction.PlatformTransactionManager transactions, MailConsents mailConsents,
                     GuestNames names, SmsConsents smsConsents) {
        this.names = names;
        this.smsConsents = smsConsents;
        this.templates = templates;
        this.mailConsents = mailConsents;
        this.jdbc = jdbc;
        this.counting = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.counting.setReadOnly(true);
        this.guests = guests;
        this.core = core;
        this.push = push;
    }

    /**
     * The people a segment reaches now. Counted by grouping on the person (a hash aggregate) rather than picking each
     * person's invitation as {@link #freeze} must (a sort of every row, which spills to disk for a million guests).
     * The segment's events are the organizer's (checked before): no join with the events, whose one-row estimate per
     * organizer made the planner expect a few thousand guests and pick a plan for those (nested loops, no workers).
     */
    long count(UUID organizerId, Segment segment, Set<String> channels) {
        Query query = query(organizerId, segment, channels);
        return counting.execute(tx -> {
            // the one query of the core that groups a million rows, asked while someone waits: memory to hash them
            // all at once, and parallel workers to read them (the planner's default costs keep it on one core)
            jdbc.sql("SELECT set_config('work_mem', '256MB', true), set_config('parallel_setup_cost', '0', true), "
                    + "set_config('parallel_tuple_cost', '0', true)").query().listOfRows();
            // grouped on a 64-bit hash of the person's key, computed by the parallel workers: cheaper to hash and
            // compare than the text (a seventh off a million guests' count); two people sharing a hash (odds about
            // one in 30 million for a million people) would count as one in this live estimate, never in the
            // audience itself (freeze)
            return jdbc.sql("SELECT count(*) FROM (SELECT hashtextextended(" + query.person() + ", 0) FROM invitation i "
                            + "WHERE " + query.where() + " GROUP BY 1) people")
                    .params(query.params()).query(Long.class).single();
        });
    }

    /**
     * Fixes the campaign's audience as the segment reaches it now (once: a second call adds nobody). Everybody gets
     * version A, except in an A/B test: there {@code testPercent} % of them, drawn by a hash of who they are and the
     * campaign (stable, and unrelated to the order they were invited in), get A or B in turn, and the rest wait for
     * the winner.
     *
     * @param testPercent null: no A/B test
     */
    void freeze(UUID campaignId, UUID organizerId, Segment segment, Set<String> channels, Integer testPercent) {
        Query query = query(organizerId, segment, channels);
        Map<String, Object> params = new HashMap<>(query.params());
        params.put("campaign", campaignId);
        params.put("variant", testPercent == null ? "A" : null);
        jdbc.sql("INSERT INTO campaign_recipient (campaign_id, invitation_id, person_key, variant) "
                        + "SELECT :campaign, id, person_key, CAST(:variant AS char(1)) FROM (" + query.sql()
                        + ") reachable ON CONFLICT DO NOTHING")
                .params(params).update();
        if (testPercent != null) {
            jdbc.sql("""
                            WITH drawn AS (
                                SELECT invitation_id, row_number() OVER (ORDER BY md5(person_key || CAST(:campaign AS text))) AS n,
                                       count(*) OVER () AS everybody
                                FROM campaign_recipient WHERE campaign_id = :campaign)
                            UPDATE campaign_recipient r
                            SET variant = CASE WHEN d.n % 2 = 1 THEN 'A' ELSE 'B' END, in_test = true
                            FROM drawn d
                            WHERE r.campaign_id = :campaign AND r.invitation_id = d.invitation_id
                              AND d.n <= greatest(2, ceil(d.everybody * :percent / 100.0))""")
                    .param("campaign", campaignId).param("percent", testPercent).update();
        }
    }

    /**
     * The frozen audience after {@code after} in invitation-id order, without anyone who opted out or was withdrawn
     * since it was fixed, without those of an A/B test who wait for its winner, and without those the sender already
     * reported reached (a restarted run, a resumed campaign or a later wave need not page through them again; the
     * delivery ledger would skip them anyway).
     *
     * @param localTime a campaign in its recipients' own time: only those whose clock reached it by {@code cutoff};
     *                  else null
     */
    List<CampaignRecipient> page(UUID campaignId, UUID after, int limit, java.sql.Timestamp localTime,
                                 java.sql.Timestamp cutoff) {
        List<CampaignRecipient> page = names.open(jdbc.sql("""
                        SELECT i.id, i.party_event_id, e.title, %s, r.variant,
                               coalesce(i.theme, e.theme) AS theme, %s AS mailable, %s AS textable
                        FROM campaign_recipient r
                        JOIN invitation i ON i.id = r.invitation_id
                        JOIN party_event e ON e.id = i.party_event_id
                        WHERE r.campaign_id = :campaign AND r.invitation_id > :after AND i.revoked_at IS NULL
                          AND r.variant IS NOT NULL AND r.sent_at IS NULL
                          AND (CAST(:local AS timestamp) IS NULL OR %s <= :cutoff)
                          AND %s
                        ORDER BY r.invitation_id
                        LIMIT :limit""".formatted(GuestNames.addressColumns("i."),
                        mailConsents.mailableSql("e.organizer_id"), smsConsents.textableSql(),
                        localInstant("CAST(:local AS timestamp)"),
                        NOT_OPTED_OUT))
                .param("campaign", campaignId).param("after", after).param("limit", limit)
                .param("local", localTime, java.sql.Types.TIMESTAMP).param("cutoff", cutoff)
                .query((rs, row) -> {
                    UUID invitation = rs.getObject("id", UUID.class);
                    UUID event = rs.getObject("party_event_id", UUID.class);
                    String title = rs.getString("title");
                    String variant = rs.getString("variant");
                    boolean mailable = rs.getBoolean("mailable");
                    boolean textable = rs.getBoolean("textable");
                    MailTheme theme = rs.getString("theme") == null ? null
                            : templates.theme(rs.getString("theme")).map(MailTheme::of).orElse(null);
                    return GuestNames.Named.withAddress(rs, invitation, guest -> new CampaignRecipient(invitation,
                            event, title, guest.name(), mailable ? guest.email() : null,
                            core.publicUrl().resolve(guests.pagePath(invitation)).toString(), List.of(), variant,
                            textable ? PhoneNumbers.e164(guest.phone()) : null, theme));
                })
                .list());
        var targets = push.of(page.stream().map(CampaignRecipient::invitationId).toList());
        return page.stream().map(r -> r.withPush(targets.getOrDefault(r.invitationId(), List.of()))).toList();
    }

    /**
     * The moment a wall-clock time comes for the guest of {@code i} (invitation) and {@code e} (its event): in the
     * guest's time zone, else the event's.
     */
    static String localInstant(String wallClock) {
        return wallClock + " AT TIME ZONE coalesce(i.time_zone, e.time_zone)";
    }

    /** Who a person is: the invitation's stored key (V39: the address's blind index, else the invitation). */
    private static final String PERSON = "i.person_key";

    /**
     * Who a person is in a campaign that texts: for a guest with no address but a number with its country code, the
     * number — so a guest invited twice without an address gets one text, not two (only then: two people of one
     * household may share a landline, and each has their own browser for push).
     */
    private static final String PERSON_BY_NUMBER = "CASE WHEN i.email_index IS NULL AND i.e164_index IS NOT NULL "
            + "THEN 'tel:' || encode(i.e164_index, 'hex') ELSE i.person_key END";

    /** Not opted out: opt-outs are kept by the same key (one equality test, hashed once for a million guests). */
    static final String NOT_OPTED_OUT =
            "NOT EXISTS (SELECT 1 FROM marketing_opt_out o WHERE o.email_normalized = i.person_key)";

    /**
     * @param where  the segment's conditions on {@code invitation i} alone
     * @param person who a person is, as SQL on {@code invitation i}
     */
    private record Query(String sql, String where, String person, Map<String, Object> params) {
    }

    private Query query(UUID organizerId, Segment segment, Set<String> channels) {
        Map<String, Object> params = new HashMap<>();
        params.put("organizer", organizerId);
        params.put("events", segment.eventIds());
        StringBuilder where = new StringBuilder(
                "i.party_event_id IN (:events) AND i.revoked_at IS NULL AND " + NOT_OPTED_OUT);
        if (!segment.answers().isEmpty()) {
            // "no answer yet" as IS NULL, which the planner estimates from the column's statistics (it took any
            // expression such as coalesce(response, 'NONE') to match 1 % of the rows, and planned for that)
            List<String> given = segment.answers().stream().filter(a -> !a.equals("NONE")).toList();
            boolean none = given.size() < segment.answers().size();
            where.append(" AND (").append(none ? "i.response IS NULL" : "false").append(" OR ")
                    .append(given.isEmpty() ? "false" : "i.response IN (:answers)").append(")");
            params.put("answers", given.isEmpty() ? List.of("") : given);
        }
        if (Boolean.TRUE.equals(segment.openedNotAnswered())) {
            where.append(" AND i.first_opened_at IS NOT NULL AND i.response IS NULL");
        }
        if (!segment.tierIds().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM ticket_order o JOIN ticket t ON t.order_id = o.id "
                    + "WHERE o.invitation_id = i.id AND t.status = 'VALID' AND t.tier_id IN (:tiers))");
            params.put("tiers", segment.tierIds());
        }
        if (segment.checkedIn() != null) {
            where.append(segment.checkedIn() ? " AND " : " AND NOT ").append("EXISTS (SELECT 1 FROM ticket_order o "
                    + "JOIN ticket t ON t.order_id = o.id WHERE o.invitation_id = i.id AND t.checked_in_at IS NOT NULL)");
        }
        if (segment.waitlisted() != null) {
            where.append(segment.waitlisted() ? " AND i.attendance = 'WAITLISTED'"
                    : " AND i.attendance IS DISTINCT FROM 'WAITLISTED'");
        }
        if (!segment.languages().isEmpty()) {
            where.append(" AND i.locale IN (:languages)");
            params.put("languages", segment.languages());
        }
        boolean email = channels.contains("EMAIL");
        boolean pushToo = channels.contains("PUSH");
        boolean sms = channels.contains("SMS");
        where.append(" AND (").append(email ? mailConsents.mailableSql(":organizer") : "false").append(" OR ")
                .append(pushToo ? "EXISTS (SELECT 1 FROM push_subscription p WHERE p.invitation_id = i.id)" : "false")
                .append(" OR ").append(sms ? smsConsents.textableSql() : "false")
                .append(")");
        return new Query("""
                SELECT DISTINCT ON (%1$s) i.id, %1$s AS person_key
                FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                WHERE e.organizer_id = :organizer AND %2$s
                ORDER BY %1$s, e.starts_at DESC, i.id""".formatted(sms ? PERSON_BY_NUMBER : PERSON, where),
                where.toString(), sms ? PERSON_BY_NUMBER : PERSON, params);
    }
}
