package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.event.PartyEvent;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** Renders the invitation page. Everything that came from a user is HTML-escaped. */
final class GuestPage {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(Locale.ENGLISH);

    String render(PartyEvent event, GuestInvitation invitation, String token) {
        String when = event.startsAt().atZoneSameInstant(java.time.ZoneId.of(event.timeZone())).format(WHEN);
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>
                body{font-family:system-ui,-apple-system,sans-serif;margin:0;background:#f6f4fb;color:#1d1b26}
                main{max-width:32rem;margin:0 auto;padding:1.25rem}
                h1{font-size:1.6rem;margin:.5rem 0}
                .card{background:#fff;border-radius:1rem;padding:1.25rem;box-shadow:0 1px 4px #0002;margin-bottom:1rem}
                fieldset{border:0;padding:0;margin:0 0 1rem}
                label{display:block;padding:.7rem;border:1px solid #ccc;border-radius:.6rem;margin:.4rem 0}
                input[type=number],textarea{width:100%%;box-sizing:border-box;padding:.6rem;font-size:1rem}
                button{width:100%%;padding:.9rem;font-size:1.1rem;border:0;border-radius:.6rem;background:#5b3cc4;color:#fff}
                .answer{background:#e8f5e9;padding:.8rem;border-radius:.6rem}
                </style>
                </head>
                <body><main>
                <div class="card">
                <p>Dear %s, you are invited to</p>
                <h1>%s</h1>
                <p><time datetime="%s">%s</time> (%s)</p>
                %s%s%s
                </div>
                <div class="card">
                %s
                <form method="post" action="/i/%s">
                <fieldset><legend>Will you come?</legend>
                <label><input type="radio" name="response" value="YES" %s required> Yes</label>
                <label><input type="radio" name="response" value="MAYBE" %s> Maybe</label>
                <label><input type="radio" name="response" value="NO" %s> No</label>
                </fieldset>
                <p><label for="plusOnes">Guests you bring</label>
                <input id="plusOnes" type="number" name="plusOnes" min="0" max="20" value="%d"></p>
                <p><label for="note">A note for the host</label>
                <textarea id="note" name="note" maxlength="1000" rows="3">%s</textarea></p>
                <button type="submit">Send my answer</button>
                </form>
                </div>
                </main></body></html>
                """.formatted(
                htmlEscape(event.title()),
                htmlEscape(invitation.guestName()),
                htmlEscape(event.title()),
                event.startsAt(), htmlEscape(when), htmlEscape(event.timeZone()),
                venue(event), online(event), message(invitation),
                currentAnswer(invitation),
                token,
                checked(invitation, Rsvp.YES), checked(invitation, Rsvp.MAYBE), checked(invitation, Rsvp.NO),
                invitation.plusOnes(),
                invitation.note() == null ? "" : htmlEscape(invitation.note()));
    }

    private static String venue(PartyEvent event) {
        PartyEvent.Venue v = event.venue();
        if (v == null) {
            return "";
        }
        String place = htmlEscape(v.name()) + (v.address() == null ? "" : ", " + htmlEscape(v.address()));
        return v.mapUrl() == null ? "<p>" + place + "</p>"
                : "<p><a href=\"" + htmlEscape(v.mapUrl()) + "\">" + place + "</a></p>";
    }

    private static String online(PartyEvent event) {
        return event.onlineUrl() == null ? ""
                : "<p>Join online: <a href=\"" + htmlEscape(event.onlineUrl()) + "\">" + htmlEscape(event.onlineUrl())
                + "</a></p>";
    }

    private static String message(GuestInvitation invitation) {
        return invitation.message() == null ? "" : "<p>" + htmlEscape(invitation.message()) + "</p>";
    }

    private static String currentAnswer(GuestInvitation invitation) {
        if (invitation.response() == null) {
            return "";
        }
        String extra = invitation.plusOnes() > 0 ? " with " + invitation.plusOnes() + " guest(s)" : "";
        return "<p class=\"answer\">Your answer: <strong>" + invitation.response() + "</strong>" + extra
                + ". You can change it below.</p>";
    }

    private static String checked(GuestInvitation invitation, Rsvp option) {
        return invitation.response() == option ? "checked" : "";
    }
}
