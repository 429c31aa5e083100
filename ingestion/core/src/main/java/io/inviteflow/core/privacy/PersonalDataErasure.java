package io.inviteflow.core.privacy;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.contact.AddressBookNumbers;
import io.inviteflow.core.media.MediaService;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonSecrets;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erases a person, in the caller's transaction. In PostgreSQL: their invitations keep the event, the answer and the
 * headcount (the organizer's figures stay right) but no name, address, number, message or note, and their links open
 * nothing; their answers to questions, chat messages, reactions, idea picks, consents and browsers' subscriptions are
 * deleted; their wall posts and comments are emptied and hidden; orders and tickets keep amounts and payment references
 * (bookkeeping) but no buyer's or holder's name or address; invitations to organizers' teams mailed to them lose the
 * address (and are withdrawn, if not joined yet); the organizers' contacts that reach them are deleted, and so
 * are opt-outs, the mail and text reports about messages to them, and their photos on the walls (once committed). Their
 * secret ({@code person_secret}) is destroyed, which leaves
 * the guest keys in Kafka, the archive and the models without anyone they can be tied to. One {@code PERSON_ERASED}
 * activity per party event tells the streaming job to delete those invitations' activities from the ClickHouse archive
 * and batch-jobs to forget the addresses it mailed.
 */
@Component
class PersonalDataErasure {

    /** What an erased person's name becomes wherever a name must stay (wall posts, invitations, orders). */
    static final String ERASED_NAME = "Erased guest";
    private static final String AGGREGATE = "person";
    /** An order ({@code o}) whose buyer is not erased: sealed, or plain from an earlier release. */
    static final String BUYER_KEPT = "(o.buyer_email_sealed IS NOT NULL OR o.buyer_email <> '')";
    /** The invitation a mail or text report is about: the end of its key ({@code <kind>:<invitation id>}), indexed. */
    static final String MAIL_FEEDBACK_INVITATION = "substring(message_key from '([0-9a-f-]{36})$')";

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;
    private final MediaService media;
    private final PersonSecrets personSecrets;
    private final BlindIndex index;

    PersonalDataErasure(JdbcClient jdbc, ActivityOutbox outbox, MediaService media, PersonSecrets personSecrets,
                        BlindIndex index) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.media = media;
        this.personSecrets = personSecrets;
        this.index = index;
    }

    /** @return how many rows of each kind were erased or emptied */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> erase(Person person, PersonRecords.Found found, UUID requestId) {
        Map<String, Integer> erased = eraseGuests(found.invitationIds());
        eraseBuyersAndHolders(found.orders(), found.tickets()).forEach((kind, n) -> erased.merge(kind, n, Integer::sum));
        // the invitations' own secrets went with them (eraseGuests); these are the person's across invitations
        List<String> secrets = new ArrayList<>(found.invitations().stream().map(PersonRecords.Invitation::personKey)
                .distinct().toList());
        String personKey = index.personKeyOfEmail(person.email()); // null for a person known by number
        if (personKey != null) {
            secrets.add(personKey);
            secrets.addAll(index.legacyPersonKeysOfEmail(person.email()));
        }
        erased.merge("person_secrets", personSecrets.destroy(secrets), Integer::sum);
        if (!found.contacts().isEmpty()) { // their points and list memberships go with them (ON DELETE CASCADE)
            AddressBookNumbers.lockBooksOf(jdbc, found.contacts());
            erased.put("contacts", update("DELETE FROM contact WHERE id IN (:ids)", found.contacts()));
            // each contact's own secret: their sealed cards and points in any copy of the database open no more
            erased.merge("person_secrets", personSecrets.destroy(found.contacts().stream()
                    .map(PersonalText::contactKey).toList()), Integer::sum);
        }
        withdrawTeamInvites(found.teamInvites()).forEach((kind, n) -> erased.merge(kind, n, Integer::sum));
        if (personKey != null) {
            erased.put("marketing_opt_outs", jdbc.sql("DELETE FROM marketing_opt_out WHERE email_normalized = :key")
                    .param("key", personKey).update());
            // links they asked for themselves and did not use
            jdbc.sql("DELETE FROM privacy_confirmation WHERE email = :email").param("email", person.email()).update();
        }
        List<ActivityOutbox.Entry> activities = new ArrayList<>();
        found.invitationsByEvent().forEach((event, ids) -> activities.add(new ActivityOutbox.Entry(
                ActivityType.PERSON_ERASED, AGGREGATE, requestId, event, new Payloads.PersonErased(ids))));
        if (!activities.isEmpty()) {
            outbox.recordAll(activities);
        }
        return erased;
    }

    /**
     * Invitations to organizers' teams: withdrawn when not joined yet (their links open nothing), their addresses gone
     * either way, with the secrets they were sealed under.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> withdrawTeamInvites(List<UUID> invites) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        if (invites.isEmpty()) {
            return erased;
        }
        erased.put("team_invitations", jdbc.sql("UPDATE team_invite SET email = NULL, email_sealed = NULL, "
                        + "email_index = NULL, withdrawn_at = CASE WHEN accepted_at IS NULL "
                        + "THEN coalesce(withdrawn_at, now()) ELSE withdrawn_at END WHERE id = ANY(:ids)")
                .param("ids", invites.toArray(UUID[]::new)).update());
        erased.put("person_secrets", personSecrets.destroy(invites.stream().map(PersonalText::teamInviteKey).toList()));
        return erased;
    }

    /**
     * What is personal in these invitations and everything guests did through them (names, addresses, numbers,
     * messages, notes, answers to questions, posts, chat, reactions, picks, consents, browsers); marks them erased.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> eraseGuests(List<UUID> invitations) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        if (invitations.isEmpty()) {
            return erased;
        }
        // the sealed texts go too, though the secret's destruction below shreds them already: no box outlives its key
        erased.put("wall_comments", update("UPDATE wall_comment SET author_name = :erased, body = NULL, "
                + "author_sealed = NULL, body_sealed = NULL, hidden = true WHERE invitation_id IN (:ids)",
                invitations));
        List<String> photos = jdbc.sql("SELECT photo_url FROM wall_post WHERE invitation_id IN (:ids) "
                + "AND photo_url IS NOT NULL").param("ids", invitations).query(String.class).list();
        erased.put("wall_posts", update("UPDATE wall_post SET author_name = :erased, body = NULL, "
                + "author_sealed = NULL, body_sealed = NULL, photo_url = NULL, hidden = true "
                + "WHERE invitation_id IN (:ids)", invitations));
        erased.put("photos", photos.size());
        media.deleteGuestPhotosAfterCommit(photos);
        for (String table : List.of("wall_reaction", "chat_message", "push_subscription", "sms_consent",
                "mail_consent", "mail_consent_request", "idea_pick", "question_answer")) {
            erased.put(table, update("DELETE FROM " + table + " WHERE invitation_id IN (:ids)", invitations));
        }
        // what mail servers and SMS providers reported about messages to these invitations (their keys name them)
        erased.put("mail_reports", jdbc.sql("DELETE FROM mail_feedback WHERE " + MAIL_FEEDBACK_INVITATION + " IN (:ids)")
                .param("ids", invitations.stream().map(UUID::toString).toList()).update());
        // the campaigns' counts stay right; the address goes (the invitation's own key, as for a guest without one)
        update("UPDATE campaign_recipient SET person_key = 'invitation:' || invitation_id::text "
                + "WHERE invitation_id IN (:ids)", invitations);
        erased.put("invitations", update("""
                UPDATE invitation SET guest_name = :erased, guest_email = NULL, guest_phone = NULL, message = NULL,
                       message_sealed = NULL, guest_name_sealed = NULL, guest_email_sealed = NULL,
                       guest_phone_sealed = NULL, email_index = NULL, phone_index = NULL, e164_index = NULL,
                       note = NULL, note_sealed = NULL, contact_id = NULL, revoked_at = coalesce(revoked_at, now()),
                       erased_at = now()
                WHERE id IN (:ids)""", invitations));
        // each invitation's own secret: its sealed texts (PersonalText) in any copy of the database open no more
        erased.put("person_secrets", personSecrets.destroy(invitations.stream().map(PersonalText::personKey).toList()));
        return erased;
    }

    /**
     * Orders and tickets keep amounts and payment references (bookkeeping), not who bought or holds them: their boxes
     * and blind indexes go, and the secrets they were sealed under, so copies in backups open no more either.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> eraseBuyersAndHolders(List<UUID> orders, List<UUID> tickets) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        // orders before tickets, as the retention rule locks them: two erasures at once never wait on each other
        if (!orders.isEmpty()) {
            erased.put("ticket_orders", jdbc.sql("UPDATE ticket_order SET buyer_name = :erased, buyer_email = '', "
                    + "buyer_name_sealed = NULL, buyer_email_sealed = NULL, buyer_email_index = NULL, "
                    + "client_secret = NULL WHERE id = ANY(:ids)").param("ids", orders.toArray(UUID[]::new))
                    .param("erased", ERASED_NAME).update());
            orders.forEach(order -> secrets.add(PersonalText.orderKey(order)));
        }
        if (!tickets.isEmpty()) {
            List<String> holders = jdbc.sql("UPDATE ticket SET holder_name = :erased, holder_email = '', "
                            + "holder_name_sealed = NULL, holder_email_sealed = NULL, holder_email_index = NULL "
                            + "WHERE id = ANY(:ids) RETURNING id, code_version")
                    .param("ids", tickets.toArray(UUID[]::new)).param("erased", ERASED_NAME)
                    .query((rs, n) -> PersonalText.ticketKey(rs.getObject(1, UUID.class), rs.getInt(2))).list();
            erased.put("tickets", holders.size());
            secrets.addAll(holders);
        }
        erased.put("person_secrets", personSecrets.destroy(secrets));
        return erased;
    }

    private int update(String sql, List<UUID> ids) {
        var statement = jdbc.sql(sql).param("ids", ids);
        if (sql.contains(":erased")) {
            statement = statement.param("erased", ERASED_NAME);
        }
        return statement.update();
    }
}
