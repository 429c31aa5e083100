package io.inviteflow.core.invitation;

import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/**
 * "Invite a friend", when the organizer allows it: a form for the friend's name, then the friend's own link with
 * share buttons. Each button works as a plain link; guest.js adds the phone's share sheet and records the share.
 */
@Component
class ShareSection implements GuestPageSection {

    static final String ID = "share";

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String render(GuestView view) {
        GuestView.SectionNotice notice = view.noticeFor(ID);
        boolean open = view.options().friendInvites() > 0 && !view.event().cancelled();
        if (!open && notice == null) {
            return "";
        }
        GuestText t = view.text();
        String result = "";
        if (notice != null && notice.error()) {
            result = "<p class=\"alert\" role=\"alert\">" + htmlEscape(notice.message()) + "</p>";
        } else if (notice != null) {
            String link = notice.message();
            String invite = t.text("share.message", view.guestName(), view.event().title(), link);
            result = """
                    <p class="ok" role="status">%s</p>
                    <p><label for="friend-link">%s</label><input id="friend-link" type="text" readonly value="%s"></p>
                    <p class="share-buttons">
                    <button type="button" class="small" data-share="native" data-text="%s" hidden>%s</button>
                    <a class="button small" data-share="whatsapp" href="https://wa.me/?text=%s">WhatsApp</a>
                    <a class="button small" data-share="email" href="mailto:?subject=%s&amp;body=%s">%s</a>
                    <button type="button" class="small" data-share="copy" data-copy="friend-link" data-copied="%s">%s</button>
                    </p>""".formatted(
                    t.html("share.created"), t.html("share.link"), htmlEscape(link),
                    htmlEscape(invite), t.html("share.native"),
                    url(invite), url(view.event().title()), url(invite), t.html("share.email"), t.html("share.copied"),
                    t.html("share.copy"));
        }
        String form = !open ? "" : """
                <p class="muted">%s</p>
                <form method="post" action="/i/%s/friends">
                <p><label for="friend-name">%s</label><input id="friend-name" type="text" name="name" maxlength="200" required autocomplete="off"></p>
                <p><label for="friend-email">%s</label><input id="friend-email" type="email" name="email" maxlength="320" autocomplete="off"></p>
                <button type="submit">%s</button>
                </form>""".formatted(t.html("share.allowed", view.options().friendInvites()), view.token(),
                t.html("share.friendName"), t.html("share.friendEmail"), t.html("share.create"));
        return """
                <section class="card" id="share" aria-labelledby="share-title">
                <h2 id="share-title">%s</h2>
                %s
                %s
                </section>
                """.formatted(t.html("share.title"), result, form);
    }

    private static String url(String s) {
        return htmlEscape(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
