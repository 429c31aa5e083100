package io.inviteflow.core.chat;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.wall.GuestBans;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The guests' chat of one event. The server checks only the shape of what it stores (a 12-byte nonce, a ciphertext
 * of bounded size): it holds no key and cannot read, search or filter messages — moderation is by banning a guest.
 */
@Service
class ChatService {

    static final int MAX_CIPHERTEXT = 8192;
    static final int HISTORY = 200;

    private final ChatRepository repository;
    private final Events events;
    private final GuestBans bans;
    private final ActivityOutbox outbox;

    ChatService(ChatRepository repository, Events events, GuestBans bans, ActivityOutbox outbox) {
        this.repository = repository;
        this.events = events;
        this.bans = bans;
        this.outbox = outbox;
    }

    @Transactional
    long send(GuestAccess.Guest guest, String iv, String ciphertext) {
        enabled(guest.eventId());
        if (bans.banned(guest.eventId(), guest.invitationId())) {
            throw Problems.forbidden("the organizer has closed the chat to you");
        }
        byte[] nonce = base64("iv", iv);
        byte[] sealed = base64("ciphertext", ciphertext);
        if (nonce.length != 12) {
            throw Problems.unprocessable("iv", "an AES-GCM nonce of 12 bytes");
        }
        if (sealed.length < 17 || sealed.length > MAX_CIPHERTEXT) {
            throw Problems.unprocessable("ciphertext", "17 to " + MAX_CIPHERTEXT + " bytes (AES-GCM with its tag)");
        }
        long id = repository.insert(guest.eventId(), guest.invitationId(), nonce, sealed);
        outbox.record(new ActivityOutbox.Entry(ActivityType.CHAT_MESSAGE_SENT, "invitation", guest.invitationId(),
                guest.eventId(), new Payloads.ChatMessageSent(id, sealed.length)));
        return id;
    }

    /** After {@code afterId}, or the newest {@link #HISTORY} when {@code afterId} is 0. */
    List<ChatMessage.Delivered> read(GuestAccess.Guest guest, long afterId) {
        enabled(guest.eventId());
        List<ChatMessage> messages = afterId <= 0 ? repository.latest(guest.eventId(), HISTORY)
                : repository.after(guest.eventId(), afterId, HISTORY);
        return messages.stream().map(m -> m.to(guest.invitationId())).toList();
    }

    void enabled(UUID eventId) {
        if (!events.guestOptions(eventId).chat()) {
            throw Problems.forbidden("this event has no chat");
        }
    }

    private static byte[] base64(String field, String value) {
        try {
            return Base64.getDecoder().decode(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw Problems.unprocessable(field, "base64");
        }
    }
}
