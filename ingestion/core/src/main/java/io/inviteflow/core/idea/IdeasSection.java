package io.inviteflow.core.idea;

import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/**
 * "Ideas for this event" on the invitation page: what to wear, give or bring, ranked for this guest, each with why
 * it is shown and a button to pick it (a plain form). Opening an idea's details is a click guest.js reports.
 */
@Component
class IdeasSection implements GuestPageSection {

    static final String ID = "ideas";

    private final IdeaService ideas;

    IdeasSection(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String render(GuestView view) {
        if (view.event().cancelled()) {
            return "";
        }
        List<IdeaRanking.Suggestion> suggestions = ideas.forGuest(view.invitationId(), view.event());
        if (suggestions.isEmpty()) {
            return "";
        }
        GuestText t = view.text();
        StringBuilder html = new StringBuilder()
                .append("<section class=\"card\" id=\"ideas\" aria-labelledby=\"ideas-title\">")
                .append("<h2 id=\"ideas-title\">").append(t.html("ideas.title")).append("</h2>");
        GuestView.SectionNotice notice = view.noticeFor(ID);
        if (notice != null) {
            html.append(notice.html());
        }
        for (IdeaRanking.Suggestion s : suggestions) {
            html.append(idea(view.token(), s, t));
        }
        return html.append("</section>\n").toString();
    }

    private static String idea(String token, IdeaRanking.Suggestion s, GuestText t) {
        Idea idea = s.idea();
        boolean picked = s.reason() == IdeaRanking.Reason.PICKED;
        String control = picked
                ? """
                <input type="hidden" name="picked" value="false"><span class="ok">%s</span> \
                <button type="submit" class="small">%s</button>""".formatted(t.html("ideas.picked"),
                t.html("ideas.unpick"))
                : "<button type=\"submit\" class=\"small\">" + t.html("ideas.pick." + idea.kind()) + "</button>";
        return """
                <article class="idea" id="idea-%1$s">
                <p class="muted">%2$s</p>
                <details data-idea="%1$s"><summary><strong>%3$s</strong></summary><p>%4$s</p>%5$s</details>
                %6$s<form method="post" action="/i/%7$s/ideas/%1$s" class="row">%8$s</form>
                </article>""".formatted(htmlEscape(idea.id()), t.html("ideas.kind." + idea.kind()),
                htmlEscape(idea.name()), htmlEscape(idea.description()),
                idea.exclusive() ? "<p class=\"muted\">" + t.html("ideas.registry") + "</p>" : "",
                why(s, t), token, control);
    }

    /** Why the idea is shown, or nothing when the catalogue's order is all there is. */
    private static String why(IdeaRanking.Suggestion s, GuestText t) {
        String said = switch (s.reason()) {
            case FOR_YOU -> s.because() == null ? t.html("ideas.forYou") : t.html("ideas.because", s.because().name());
            case LIKE_YOUR_PICK -> t.html("ideas.because", s.because().name());
            case POPULAR -> t.html("ideas.popular");
            case PICKED, CATALOGUE -> null;
        };
        return said == null ? "" : "<p class=\"muted\">" + said + "</p>\n";
    }
}
