package io.inviteflow.core.chat;

import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import org.springframework.stereotype.Component;

/**
 * The chat on the invitation page. It needs JavaScript (the browser encrypts and decrypts); without it, or without
 * the room key from the link's #fragment, the section says so instead of showing a chat that cannot work.
 */
@Component
class ChatSection implements GuestPageSection {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String render(GuestView view) {
        if (!view.options().chat()) {
            return "";
        }
        GuestText t = view.text();
        return """
                <section class="card" id="chat" aria-labelledby="chat-title" data-me="%s" data-no-key="%s" data-ready="%s"
                 data-unreadable="%s" data-failed="%s">
                <h2 id="chat-title">%s</h2>
                <p class="muted">%s</p>
                <p id="chat-status" class="muted" role="status">%s</p>
                <ol id="chat-log" aria-live="polite" aria-label="%s"></ol>
                <form id="chat-form" class="row" hidden>
                <p><label for="chat-text">%s</label><input id="chat-text" type="text" maxlength="2000" autocomplete="off" required></p>
                <button type="submit" class="small">%s</button>
                </form>
                </section>
                """.formatted(t.html("chat.you"), t.html("chat.noKey"), t.html("chat.ready"), t.html("chat.unreadable"),
                t.html("chat.failed"), t.html("chat.title"), t.html("chat.encrypted"),
                t.html("chat.needsScript"), t.html("chat.title"), t.html("chat.message"), t.html("chat.send"));
    }
}
