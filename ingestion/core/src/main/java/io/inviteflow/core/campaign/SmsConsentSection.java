package io.inviteflow.core.campaign;

import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/**
 * On the invitation page of a guest whose number has its country code: "Text me" (the yes campaigns' SMS channel
 * needs), or "No more texts" once they said yes. The number shows masked: the page's link may have been forwarded.
 */
@Component
class SmsConsentSection implements GuestPageSection {

    static final String ID = "texts";

    private final SmsConsents consents;
    private final String number;

    /** @param number the organizers' number guests text YES to, where a yes must be confirmed from the phone */
    SmsConsentSection(SmsConsents consents, @Value("${inviteflow.sms.from:}") String number) {
        this.consents = consents;
        this.number = number;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String render(GuestView view) {
        if (view.event().cancelled()) {
            return "";
        }
        SmsConsents.State state = consents.of(view.invitationId());
        if (state.phone() == null) {
            return "";
        }
        GuestText t = view.text();
        GuestView.SectionNotice notice = view.noticeFor(ID);
        String masked = masked(state.phone());
        return """
                <section class="card" id="%s">
                %s<p>%s</p>
                <form method="post" action="/i/%s/texts%s"><button type="submit" class="small">%s</button></form>
                </section>
                """.formatted(ID,
                notice == null ? "" : "<p class=\"" + (notice.error() ? "alert" : "muted") + "\" role=\"status\">"
                        + htmlEscape(notice.message()) + "</p>\n",
                state.given() ? t.html("texts.on", masked) + confirmation(state, t) : t.html("texts.explain", masked),
                view.token(), state.given() ? "/stop" : "", t.html(state.given() ? "texts.stop" : "texts.start"));
    }

    /** Where the yes must come from the phone too and has not yet: what to text, and where. */
    private String confirmation(SmsConsents.State state, GuestText t) {
        return consents.needsConfirmation() && !state.confirmed() && !number.isBlank()
                ? " " + t.html("texts.confirm", number) : "";
    }

    /** {@code +4915112345678} → {@code +49•••••••••78}. */
    static String masked(String e164) {
        return e164.substring(0, 3) + "•".repeat(Math.max(0, e164.length() - 5)) + e164.substring(e164.length() - 2);
    }
}
