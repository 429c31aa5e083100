package io.inviteflow.core.campaign;

import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import org.springframework.stereotype.Component;

/**
 * On the invitation page of a guest invited by mail, where marketing mail needs a yes first: "Email me news" (which
 * mails a link to confirm, {@link MailConsents}), or "No more news by email" once they said yes. Nothing where no yes
 * is needed (mail goes until they unsubscribe), nor for an address that unsubscribed from all news (a yes would not
 * bring it back).
 */
@Component
class MailConsentSection implements GuestPageSection {

    static final String ID = "news";

    private final MailConsents consents;

    MailConsentSection(MailConsents consents) {
        this.consents = consents;
    }

    @Override
    public int order() {
        return 44; // just before the texts' section
    }

    @Override
    public String render(GuestView view) {
        if (!consents.needed() || view.event().cancelled()) {
            return "";
        }
        MailConsents.State state = consents.of(view.invitationId());
        if (!state.hasAddress() || state.optedOut()) {
            return "";
        }
        GuestText t = view.text();
        GuestView.SectionNotice notice = view.noticeFor(ID);
        return """
                <section class="card" id="%s">
                %s<p>%s</p>
                <form method="post" action="/i/%s/news%s"><button type="submit" class="small">%s</button></form>
                </section>
                """.formatted(ID,
                notice == null ? "" : notice.html() + "\n",
                t.html(state.given() ? "news.on" : "news.explain"),
                view.token(), state.given() ? "/stop" : "", t.html(state.given() ? "news.stop" : "news.start"));
    }
}
