package io.inviteflow.core.wall;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.media.MediaService;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * The event's wall: invited guests post (text and a photo), comment and react; the organizer hides, deletes and bans.
 * Text is kept as written (sealed under the guest's key: {@code WallRepository}) and escaped when shown. Each guest
 * action is an activity, recorded with it.
 */
@Service
class WallService {

    static final int MAX_POST = 2000;
    static final int MAX_COMMENT = 1000;
    static final int SHOWN = 50;
    private static final String AGGREGATE = "invitation";

    private final WallRepository repository;
    private final Events events;
    private final MediaService media;
    private final ActivityOutbox outbox;
    private final TransactionTemplate transactions;

    WallService(WallRepository repository, Events events, MediaService media, ActivityOutbox outbox,
                TransactionTemplate transactions) {
        this.transactions = transactions;
        this.repository = repository;
        this.events = events;
        this.media = media;
        this.outbox = outbox;
    }

    /**
     * The photo is checked and stored first, outside the transaction (resizing a 15 MB photo must not hold a pooled
     * connection): a refused photo writes nothing, a stored one whose post then fails is only a spare object.
     */
    UUID post(GuestAccess.Guest guest, String body, byte[] photo) {
        mayWrite(guest);
        String text = clean(body);
        boolean withPhoto = photo != null && photo.length > 0;
        if (text.isEmpty() && !withPhoto) {
            throw Problems.coded(Problems.unprocessable("body", "write something or add a photo"), "emptyPost");
        }
        if (text.length() > MAX_POST) {
            throw Problems.coded(Problems.unprocessable("body", "posts may have up to " + MAX_POST + " characters"),
                    "tooLong", MAX_POST);
        }
        String photoUrl = withPhoto ? media.storeGuestPhoto(photo) : null;
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            repository.insertPost(id, guest.eventId(), guest.invitationId(), guest.name(), text, photoUrl);
            outbox.record(new ActivityOutbox.Entry(ActivityType.WALL_POSTED, AGGREGATE, guest.invitationId(),
                    guest.eventId(), new Payloads.WallPosted(id, withPhoto)));
        });
        return id;
    }

    @Transactional
    UUID comment(GuestAccess.Guest guest, UUID postId, String body) {
        mayWrite(guest);
        visiblePostOf(guest, postId);
        String text = clean(body);
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw Problems.coded(Problems.unprocessable("body", "comments have 1 to " + MAX_COMMENT + " characters"),
                    "tooLong", MAX_COMMENT);
        }
        UUID id = UUID.randomUUID();
        repository.insertComment(id, postId, guest.invitationId(), guest.name(), text);
        outbox.record(new ActivityOutbox.Entry(ActivityType.WALL_COMMENTED, AGGREGATE, guest.invitationId(),
                guest.eventId(), new Payloads.WallCommented(postId, id)));
        return id;
    }

    @Transactional
    boolean react(GuestAccess.Guest guest, UUID postId, String reactionId) {
        mayWrite(guest);
        visiblePostOf(guest, postId);
        Reaction reaction = Reaction.of(reactionId).orElseThrow(() ->
                Problems.unprocessable("reaction", "one of heart, party, laugh, thumbs_up"));
        boolean added = repository.toggleReaction(postId, guest.invitationId(), reaction.id());
        outbox.record(new ActivityOutbox.Entry(ActivityType.WALL_REACTED, AGGREGATE, guest.invitationId(),
                guest.eventId(), new Payloads.WallReacted(postId, reaction.id(), added)));
        return added;
    }

    List<WallPost> forGuest(GuestAccess.Guest guest) {
        return repository.latest(guest.eventId(), guest.invitationId(), false, SHOWN);
    }

    boolean banned(GuestAccess.Guest guest) {
        return repository.banned(guest.eventId(), guest.invitationId());
    }

    // --- the organizer's moderation ---

    List<WallPost> forOrganizer(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return repository.latest(eventId, null, true, 500);
    }

    void hidePost(UUID organizerId, UUID eventId, UUID postId, boolean hidden) {
        events.requireOwned(eventId, organizerId);
        found(repository.setPostHidden(eventId, postId, hidden), "post", postId);
    }

    void deletePost(UUID organizerId, UUID eventId, UUID postId) {
        events.requireOwned(eventId, organizerId);
        found(repository.deletePost(eventId, postId), "post", postId);
    }

    void hideComment(UUID organizerId, UUID eventId, UUID commentId, boolean hidden) {
        events.requireOwned(eventId, organizerId);
        found(repository.setCommentHidden(eventId, commentId, hidden), "comment", commentId);
    }

    void deleteComment(UUID organizerId, UUID eventId, UUID commentId) {
        events.requireOwned(eventId, organizerId);
        found(repository.deleteComment(eventId, commentId), "comment", commentId);
    }

    void ban(UUID organizerId, UUID eventId, UUID invitationId, boolean banned) {
        events.requireOwned(eventId, organizerId);
        if (banned) {
            found(repository.ban(eventId, invitationId), "invitation", invitationId);
        } else if (!repository.unban(eventId, invitationId)) {
            // lifting a ban that is not there changes nothing; an invitation of another event is not found here
            found(repository.invitationOf(eventId, invitationId), "invitation", invitationId);
        }
    }

    List<UUID> bans(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return repository.bans(eventId);
    }

    private void mayWrite(GuestAccess.Guest guest) {
        PartyEvent event = events.find(guest.eventId()).orElseThrow();
        if (!events.guestOptions(event.id()).wall()) {
            throw Problems.coded(Problems.forbidden("this event has no wall"), "noWall");
        }
        if (repository.banned(guest.eventId(), guest.invitationId())) {
            throw Problems.coded(Problems.forbidden("the organizer has closed the wall to you"), "banned");
        }
    }

    private void visiblePostOf(GuestAccess.Guest guest, UUID postId) {
        repository.eventOfVisiblePost(postId).filter(guest.eventId()::equals)
                .orElseThrow(() -> Problems.notFound("post", postId));
    }

    private static void found(boolean found, String what, UUID id) {
        if (!found) {
            throw Problems.notFound(what, id);
        }
    }

    /** Keeps what the guest wrote, minus NUL characters PostgreSQL refuses and surrounding blanks. */
    private static String clean(String s) {
        return s == null ? "" : s.replace("\u0000", "").strip();
    }
}
