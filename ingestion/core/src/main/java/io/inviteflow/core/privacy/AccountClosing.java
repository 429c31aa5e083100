package io.inviteflow.core.privacy;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.account.ClosedAccounts;
import io.inviteflow.core.account.Organizers;
import io.inviteflow.core.contact.AddressBookNumbers;
import io.inviteflow.core.media.MediaService;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonSecrets;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organizer closing their own account, in one transaction. Refused while one of their events still concerns guests
 * ({@link #blockers}): a scheduled event not over yet (or a series) is cancelled first, which tells its guests and
 * refunds its buyers; a cancelled one waits until those refunds are made. Then, as a processor does at the end of its
 * service, everything the account held about others goes: its events' guests, buyers and holders are erased as a
 * person's erasure erases them (orders keep amounts and payment references), with one {@code PERSON_ERASED} activity
 * per thousand invitations so the streaming job and batch-jobs forget them too; its events lose their texts and places,
 * walls, photos, scanner links and team; its address book, webhooks, unsent campaigns and team invitations go, and it
 * leaves the teams it was on. Last, the account itself closes ({@link ClosedAccounts}).
 */
@Service
class AccountClosing {

    /** An event that keeps the account open, and what its organizer does about it. */
    record Blocker(UUID eventId, String title, String reason) {
    }

    private static final String CLOSED_EVENT_TITLE = "Closed event";
    private static final int INVITATIONS_PER_STATEMENT = 5_000;
    private static final int INVITATIONS_PER_ACTIVITY = 1_000;

    private final JdbcClient jdbc;
    private final PersonalDataErasure erasure;
    private final ClosedAccounts accounts;
    private final Organizers organizers;
    private final ActivityOutbox outbox;
    private final PersonSecrets personSecrets;
    private final BlindIndex index;
    private final MediaService media;
    private final PrivacyRequests requests;
    private final Clock clock;

    AccountClosing(JdbcClient jdbc, PersonalDataErasure erasure, ClosedAccounts accounts, Organizers organizers,
                   ActivityOutbox outbox, PersonSecrets personSecrets, BlindIndex index, MediaService media,
                   PrivacyRequests requests, Clock clock) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.accounts = accounts;
        this.organizers = organizers;
        this.outbox = outbox;
        this.personSecrets = personSecrets;
        this.index = index;
        this.media = media;
        this.requests = requests;
        this.clock = clock;
    }

    /** The events that keep the account open; none, and it may close. */
    List<Blocker> blockers(UUID organizerId) {
        return jdbc.sql("""
                        SELECT e.id, e.title,
                               CASE WHEN e.status = 'CANCELLED'
                                    THEN 'cancelled, with paid orders still to be refunded (or being paid)'
                                    WHEN e.recurrence IS NOT NULL THEN 'a series still scheduled: cancel it first'
                                    ELSE 'not over yet: cancel it first' END
                        FROM party_event e
                        WHERE e.organizer_id = :id
                          AND CASE WHEN e.status = 'CANCELLED'
                                   THEN EXISTS (SELECT 1 FROM ticket_order o WHERE o.event_id = e.id
                                                AND (o.status = 'PAID' OR o.status = 'PENDING'
                                                     AND o.hold_expires_at > :now))
                                   ELSE e.recurrence IS NOT NULL OR coalesce(e.ends_at, e.starts_at) > :now END
                        ORDER BY e.starts_at, e.id""")
                .param("id", organizerId).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Blocker(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * @param admin the admin who closes it on the organizer's request; null when the organizer does
     * @return rows erased, emptied or withdrawn, per kind
     * @throws org.springframework.web.ErrorResponseException 409 while {@link #blockers} names an event, 404 for an
     *                                                        account closed already
     */
    @Transactional
    Map<String, Integer> close(UUID organizerId, UUID admin) {
        // the address book's number before the account's row, as an import takes them (the import's rows then wait
        // for the row): the other way round, each would hold what the other waits for
        AddressBookNumbers.lockBook(jdbc, organizerId);
        // what is being added to the account meanwhile waits for this, then is refused (V50)
        if (!accounts.lockOpen(organizerId)) {
            throw Problems.notFound("organizer", organizerId);
        }
        List<Blocker> blockers = blockers(organizerId);
        if (!blockers.isEmpty()) {
            throw Problems.conflict("the account keeps " + blockers.size() + " event(s) that still concern guests: "
                    + blockers.stream().map(b -> "\"" + b.title() + "\" (" + b.reason() + ")").toList());
        }
        String address = organizers.find(organizerId).email();
        Map<String, Integer> erased = new LinkedHashMap<>();
        List<UUID> events = jdbc.sql("SELECT id FROM party_event WHERE organizer_id = :id ORDER BY id")
                .param("id", organizerId).query(UUID.class).list();
        if (!events.isEmpty()) {
            eraseEvents(organizerId, events, erased);
        }
        List<UUID> contacts = jdbc.sql("SELECT id FROM contact WHERE organizer_id = :id").param("id", organizerId)
                .query(UUID.class).list();
        // their points and list memberships go with them (ON DELETE CASCADE), and the secrets their cards were
        // sealed in
        count(erased, "contacts", jdbc.sql("DELETE FROM contact WHERE organizer_id = :id").param("id", organizerId)
                .update());
        count(erased, "person_secrets",
                personSecrets.destroy(contacts.stream().map(PersonalText::contactKey).toList()));
        count(erased, "contact_lists", deleteOwn("contact_list", "organizer_id", organizerId));
        count(erased, "webhooks", deleteOwn("webhook_endpoint", "organizer_id", organizerId));
        // unsent ones stop; every one loses what it said (its counts stay, with the recipients' keys made anonymous)
        count(erased, "campaigns", jdbc.sql("""
                        UPDATE campaign SET status = CASE WHEN status IN ('SENT', 'CANCELLED') THEN status
                                                          ELSE 'CANCELLED' END,
                               name = 'Closed campaign', subject = '', message = '',
                               subject_b = CASE WHEN subject_b IS NULL THEN NULL ELSE '' END,
                               message_b = CASE WHEN message_b IS NULL THEN NULL ELSE '' END
                        WHERE organizer_id = :id""").param("id", organizerId).update());
        count(erased, "team_members", jdbc.sql("DELETE FROM team_member WHERE owner_id = :id OR member_id = :id")
                .param("id", organizerId).update());
        // the invitations it sent to its teams, and those others sent to its address: withdrawn unless joined, and
        // their addresses shredded
        List<UUID> teamInvites = jdbc.sql("SELECT id FROM team_invite WHERE owner_id = :id OR email_index = :index")
                .param("id", organizerId).param("index", index.ofEmail(address)).query(UUID.class).list();
        erasure.withdrawTeamInvites(teamInvites).forEach((kind, n) -> count(erased, kind, n));
        accounts.close(organizerId);
        requests.record(UUID.randomUUID(), "ACCOUNT_CLOSURE", Person.of(address, null), admin, erased);
        return erased;
    }

    /** Its guests, buyers and holders erased; the events themselves kept for the orders, but empty and unreachable. */
    private void eraseEvents(UUID organizerId, List<UUID> events, Map<String, Integer> erased) {
        UUID[] eventIds = events.toArray(UUID[]::new);
        Map<UUID, List<UUID>> invitationsByEvent = new LinkedHashMap<>();
        jdbc.sql("SELECT party_event_id, id FROM invitation WHERE party_event_id = ANY(:events) AND erased_at IS NULL "
                        + "ORDER BY party_event_id, id")
                .param("events", eventIds)
                .query((java.sql.ResultSet rs) -> {
                    invitationsByEvent.computeIfAbsent(rs.getObject(1, UUID.class), e -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        List<UUID> invitations = invitationsByEvent.values().stream().flatMap(List::stream).toList();
        for (int from = 0; from < invitations.size(); from += INVITATIONS_PER_STATEMENT) {
            int to = Math.min(invitations.size(), from + INVITATIONS_PER_STATEMENT);
            erasure.eraseGuests(invitations.subList(from, to)).forEach((kind, n) -> count(erased, kind, n));
        }
        List<UUID> orders = jdbc.sql("SELECT o.id FROM ticket_order o WHERE o.event_id = ANY(:events) AND "
                + PersonalDataErasure.BUYER_KEPT + " ORDER BY o.id").param("events", eventIds).query(UUID.class).list();
        List<UUID> tickets = jdbc.sql("SELECT id FROM ticket WHERE event_id = ANY(:events) "
                        + "AND (holder_email_sealed IS NOT NULL OR holder_email <> '') ORDER BY id")
                .param("events", eventIds).query(UUID.class).list();
        erasure.eraseBuyersAndHolders(orders, tickets).forEach((kind, n) -> count(erased, kind, n));
        List<ActivityOutbox.Entry> activities = new ArrayList<>();
        invitationsByEvent.forEach((event, ids) -> {
            for (int from = 0; from < ids.size(); from += INVITATIONS_PER_ACTIVITY) {
                activities.add(new ActivityOutbox.Entry(ActivityType.PERSON_ERASED, "organizer", organizerId, event,
                        new Payloads.PersonErased(List.copyOf(
                                ids.subList(from, Math.min(ids.size(), from + INVITATIONS_PER_ACTIVITY))))));
            }
        });
        if (!activities.isEmpty()) {
            outbox.recordAll(activities);
        }
        // what the organizer wrote may name people and places (a birthday at home): only the dates stay
        count(erased, "events", jdbc.sql("""
                        UPDATE party_event SET title = :title, description = NULL, venue_name = NULL,
                               venue_address = NULL, venue_lat = NULL, venue_lon = NULL, online_url = NULL,
                               source = NULL
                        WHERE id = ANY(:events)""")
                .param("title", CLOSED_EVENT_TITLE).param("events", eventIds).update());
        // the walls as a whole: the host's own posts too (their comments and reactions go with them)
        List<String> photos = jdbc.sql("SELECT photo_url FROM wall_post WHERE party_event_id = ANY(:events) "
                + "AND photo_url IS NOT NULL").param("events", eventIds).query(String.class).list();
        count(erased, "wall_posts", jdbc.sql("DELETE FROM wall_post WHERE party_event_id = ANY(:events)")
                .param("events", eventIds).update());
        media.deleteGuestPhotosAfterCommit(photos);
        count(erased, "media", media.deleteEventMedia(events));
        count(erased, "scanner_links", jdbc.sql("UPDATE check_in_device SET revoked_at = coalesce(revoked_at, now()) "
                + "WHERE event_id = ANY(:events)").param("events", eventIds).update());
    }

    private int deleteOwn(String table, String column, UUID organizerId) {
        return jdbc.sql("DELETE FROM " + table + " WHERE " + column + " = :id").param("id", organizerId).update();
    }

    private static void count(Map<String, Integer> erased, String kind, int n) {
        erased.merge(kind, n, Integer::sum);
    }
}
