package io.inviteflow.core.push;

import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import org.springframework.stereotype.Component;

/** "Tell me when something changes": shown by guest.js only where the browser can do Web Push. */
@Component
class PushSection implements GuestPageSection {

    private final PushProperties properties;

    PushSection(PushProperties properties) {
        this.properties = properties;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String render(GuestView view) {
        if (view.event().cancelled()) {
            return "";
        }
        GuestText t = view.text();
        return """
                <section class="card" id="push" data-vapid="%s" data-done="%s" data-failed="%s" hidden>
                <p>%s</p>
                <button type="button" id="push-on" class="small">%s</button>
                <p id="push-status" class="muted" role="status"></p>
                </section>
                """.formatted(properties.vapidPublicKey(), t.html("push.done"), t.html("push.failed"),
                t.html("push.explain"), t.html("push.subscribe"));
    }
}
