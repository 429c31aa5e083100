package io.inviteflow.core.guestpage;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/**
 * A small page in the guest's language for what happens outside the invitation page (stopping reminders or
 * marketing): a title, a body of already escaped HTML, and the way back to the invitation. Never cached, never indexed.
 */
public final class GuestNoticePage {

    private GuestNoticePage() {
    }

    /**
     * @param titleHtml and @param bodyHtml are HTML, escaped by the caller (GuestText.html does)
     * @param token     the invitation to link back to; null for none (a page reached from a mail)
     */
    public static ResponseEntity<byte[]> render(GuestText t, String titleHtml, String bodyHtml, String token) {
        return render(HttpStatus.OK, t.locale().getLanguage(), titleHtml, bodyHtml + (token == null ? ""
                : "\n<p><a href=\"/i/%s\">%s</a></p>".formatted(htmlEscape(token), t.html("reminders.backToInvitation"))));
    }

    /** The same page in one language, with its status: for pages outside the guests' languages (an organizer's). */
    public static ResponseEntity<byte[]> render(HttpStatus status, String language, String titleHtml, String bodyHtml) {
        String html = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="robots" content="noindex"><title>%s</title></head>
                <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem">
                <h1>%s</h1>
                %s
                </body></html>""".formatted(language, titleHtml, titleHtml, bodyHtml);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html.getBytes(StandardCharsets.UTF_8));
    }
}
