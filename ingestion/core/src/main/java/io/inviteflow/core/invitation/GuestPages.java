package io.inviteflow.core.invitation;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.GuestPageEvent;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.guestpage.GuestAssets;
import io.inviteflow.core.guestpage.GuestLocales;
import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.template.TemplateCatalogue;
import io.inviteflow.core.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders a guest's invitation page with every {@link GuestPageSection}; the features behind the sections use it to
 * answer their forms (show the page again with what to fix, or send the guest back to their section).
 */
@Component
public class GuestPages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final InvitationService invitations;
    private final Events events;
    private final TemplateCatalogue templates;
    private final MessageSource messages;
    private final List<GuestPageSection> sections;
    private final GuestAssets assets;
    private final Clock clock;
    private final GuestPage page = new GuestPage();

    GuestPages(InvitationService invitations, Events events, TemplateCatalogue templates,
               MessageSource messages, List<GuestPageSection> sections, GuestAssets assets, Clock clock) {
        this.invitations = invitations;
        this.events = events;
        this.templates = templates;
        this.messages = messages;
        this.sections = sections.stream().sorted(Comparator.comparingInt(GuestPageSection::order)).toList();
        this.assets = assets;
        this.clock = clock;
    }

    /** The page with a notice for one section (e.g. what to fix in a wall post). */
    public ResponseEntity<byte[]> show(HttpStatus status, String token, HttpServletRequest request,
                                       GuestView.SectionNotice notice) {
        GuestInvitation invitation = invitations.find(token)
                .orElseThrow(() -> Problems.notFound("invitation", "for this token"));
        return render(status, token, invitation, request, null, notice);
    }

    /** The guest's wording for a message key, for notices. */
    public GuestText text(HttpServletRequest request) {
        return new GuestText(messages, GuestLocales.of(request));
    }

    /**
     * A refusal as the guest reads it: worded in their language when it has a {@code code} (see
     * {@link io.inviteflow.core.web.Problems#coded}), else the problem's own detail.
     */
    public String explain(ErrorResponseException refusal, HttpServletRequest request) {
        var properties = refusal.getBody().getProperties();
        Object code = properties == null ? null : properties.get("code");
        if (code == null) {
            return refusal.getBody().getDetail();
        }
        Object args = properties.get("args");
        return text(request).text("error." + code, args instanceof List<?> list ? list.toArray() : new Object[0]);
    }

    /** Post/redirect/get back to a section of the page; {@code back} tells the page this is not a new open. */
    public static ResponseEntity<byte[]> backTo(String token, String section) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/i/" + token + "?back=" + section + "#" + section)).build();
    }

    ResponseEntity<byte[]> render(HttpStatus status, String token, GuestInvitation invitation,
                                  HttpServletRequest request, String answerError, GuestView.SectionNotice notice) {
        GuestPageEvent shown = events.forGuestPage(invitation.partyEventId()).orElseThrow();
        PartyEvent event = shown.event();
        Locale locale = GuestLocales.of(request);
        GuestText text = new GuestText(messages, locale);
        GuestView guest = new GuestView(token, invitation.id(), invitation.guestName(), event, shown.options(), text,
                notice);
        String theme = invitation.theme() != null ? invitation.theme() : event.theme();
        var view = new GuestPage.View(guest, invitation, shown.questions(), templates.theme(theme),
                CalendarLinks.of(event, token), answerError, assets.scriptUrl(), clock.instant());
        var response = ResponseEntity.status(status)
                .contentType(HTML)
                // personal page: never cached by a shared cache, and the answer shown must be current
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Language", locale.getLanguage())
                .header(HttpHeaders.VARY, "Accept-Language, Cookie");
        if (GuestLocales.supported(request.getParameter("lang")) != null) {
            response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(GuestLocales.COOKIE, locale.getLanguage())
                    .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build().toString());
        }
        // encoded once here: a String body would be encoded twice (Content-Length, then the write)
        return response.body(page.render(view, sections).getBytes(StandardCharsets.UTF_8));
    }
}
