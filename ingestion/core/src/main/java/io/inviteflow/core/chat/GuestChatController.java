package io.inviteflow.core.chat;

import io.inviteflow.core.invitation.GuestAccess;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;

/** The chat's API for guest.js: history, send, and a live stream (server-sent events). The token is the key. */
@RestController
class GuestChatController {

    private final GuestAccess access;
    private final ChatService chat;
    private final ChatFeed feed;

    GuestChatController(GuestAccess access, ChatService chat, ChatFeed feed) {
        this.access = access;
        this.chat = chat;
        this.feed = feed;
    }

    /** What a browser sends: both base64, encrypted before they left it. */
    record Sealed(String iv, String ciphertext) {
    }

    @GetMapping("/i/{token}/chat/messages")
    ResponseEntity<List<ChatMessage.Delivered>> history(@PathVariable String token,
                                                        @RequestParam(defaultValue = "0") long after) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(chat.read(access.require(token), after));
    }

    @PostMapping(value = "/i/{token}/chat/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Long>> send(@PathVariable String token, @RequestBody Sealed message) {
        long id = chat.send(access.require(token), message.iv(), message.ciphertext());
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    @GetMapping(value = "/i/{token}/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String token, @RequestParam(defaultValue = "0") long after,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        GuestAccess.Guest guest = access.require(token);
        chat.enabled(guest.eventId());
        long seen = after;
        if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
            seen = Math.max(seen, Long.parseLong(lastEventId));
        }
        return feed.subscribe(guest.eventId(), guest.invitationId(), seen);
    }
}
