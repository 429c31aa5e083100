package io.inviteflow.core.wall;

import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.invitation.GuestAccess;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/** The wall on the invitation page: a form to post, the newest posts with comments and reactions. No JavaScript. */
@Component
class WallSection implements GuestPageSection {

    static final String ID = "wall";

    private final WallService wall;

    WallSection(WallService wall) {
        this.wall = wall;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String render(GuestView view) {
        if (!view.options().wall()) {
            return "";
        }
        GuestText t = view.text();
        var guest = new GuestAccess.Guest(view.invitationId(), view.event().id(), view.guestName());
        List<WallPost> posts = wall.forGuest(guest);
        GuestView.SectionNotice notice = view.noticeFor(ID);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(t.locale()).withZone(ZoneId.of(view.event().timeZone()));
        StringBuilder html = new StringBuilder()
                .append("<section class=\"card\" id=\"wall\" aria-labelledby=\"wall-title\">")
                .append("<h2 id=\"wall-title\">").append(t.html("wall.title")).append("</h2>");
        if (notice != null) {
            html.append(notice.html());
        }
        if (wall.banned(guest)) {
            html.append("<p class=\"muted\">").append(t.html("wall.banned")).append("</p>");
        } else {
            html.append("""
                    <form method="post" action="/i/%s/wall" enctype="multipart/form-data">
                    <p><label for="wall-body">%s</label><textarea id="wall-body" name="body" maxlength="%d" rows="2"></textarea></p>
                    <p><label for="wall-photo">%s</label><input id="wall-photo" type="file" name="photo" accept="image/jpeg,image/png,image/gif,image/webp"></p>
                    <button type="submit">%s</button>
                    </form>""".formatted(view.token(), t.html("wall.write"), WallService.MAX_POST,
                    t.html("wall.photo"), t.html("wall.post")));
        }
        if (posts.isEmpty()) {
            html.append("<p class=\"muted\">").append(t.html("wall.empty")).append("</p>");
        }
        for (WallPost post : posts) {
            html.append("<article class=\"post\" id=\"post-").append(post.id()).append("\">")
                    .append("<p><strong>").append(htmlEscape(post.authorName())).append("</strong> <span class=\"muted\">")
                    .append(htmlEscape(when.format(post.createdAt()))).append("</span></p>");
            if (!post.body().isEmpty()) {
                html.append("<p>").append(htmlEscape(post.body()).replace("\n", "<br>")).append("</p>");
            }
            if (post.photoUrl() != null) {
                html.append("<img src=\"").append(htmlEscape(post.photoUrl())).append("\" alt=\"")
                        .append(t.html("wall.photoBy", post.authorName())).append("\" loading=\"lazy\">");
            }
            html.append(reactions(view, post, t));
            html.append("<div class=\"comments\">");
            for (WallPost.Comment c : post.comments()) {
                html.append("<p><strong>").append(htmlEscape(c.authorName())).append("</strong> ")
                        .append(htmlEscape(c.body())).append("</p>");
            }
            html.append("""
                    <form method="post" action="/i/%s/wall/%s/comments" class="row">
                    <p><label for="c-%s">%s</label><input id="c-%s" type="text" name="body" maxlength="%d" required></p>
                    <button type="submit" class="small">%s</button>
                    </form></div></article>""".formatted(view.token(), post.id(), post.id(), t.html("wall.comment"),
                    post.id(), WallService.MAX_COMMENT, t.html("wall.send")));
        }
        return html.append("</section>\n").toString();
    }

    private static String reactions(GuestView view, WallPost post, GuestText t) {
        StringBuilder html = new StringBuilder("<div class=\"reactions\"><form method=\"post\" action=\"/i/")
                .append(view.token()).append("/wall/").append(post.id()).append("/reactions\">");
        for (Reaction r : Reaction.values()) {
            int count = post.reactions().getOrDefault(r.id(), 0);
            html.append("<button type=\"submit\" name=\"reaction\" value=\"").append(r.id()).append("\" aria-pressed=\"")
                    .append(post.mine().contains(r.id())).append("\" aria-label=\"")
                    .append(t.html("wall.reaction." + r.id())).append(" (").append(count).append(")\">")
                    .append(r.emoji).append(count > 0 ? " " + count : "").append("</button> ");
        }
        return html.append("</form></div>").toString();
    }
}
