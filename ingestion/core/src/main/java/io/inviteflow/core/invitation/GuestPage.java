package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.event.Question;
import io.inviteflow.core.template.EventTemplate;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * Renders the invitation page in the event's theme. Everything that came from a user is HTML-escaped. The form works
 * without JavaScript; question fields are named {@code q.<questionId>.<guest>} (guest 0 is the invitee).
 */
final class GuestPage {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(Locale.ENGLISH);
    private static final EventTemplate.Theme PLAIN = new EventTemplate.Theme("plain", "Plain",
            new EventTemplate.Colors("#f6f4fb", "#ffffff", "#5b3cc4", "#1d1b26"),
            new EventTemplate.Fonts("system-ui,-apple-system,sans-serif", "system-ui,-apple-system,sans-serif"), null);

    /** What the page shows besides the event and the invitation. */
    record View(PartyEvent event, GuestInvitation invitation, String token, List<Question> questions,
                Optional<EventTemplate.Theme> theme, CalendarLinks calendar, String error) {

        /** The invitation's own theme, else the event's; the calendar links of this token. */
        static View of(PartyEvent event, GuestInvitation invitation, String token, List<Question> questions,
                       io.inviteflow.core.template.TemplateCatalogue templates, String error) {
            String theme = invitation.theme() != null ? invitation.theme() : event.theme();
            return new View(event, invitation, token, questions, templates.theme(theme),
                    CalendarLinks.of(event, token), error);
        }
    }

    String render(View v) {
        PartyEvent event = v.event();
        GuestInvitation invitation = v.invitation();
        EventTemplate.Theme theme = v.theme().orElse(PLAIN);
        String when = event.startsAt().atZoneSameInstant(ZoneId.of(event.timeZone())).format(WHEN);
        int cap = invitation.maxPlusOnes() != null ? invitation.maxPlusOnes() : event.maxPlusOnes();
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>
                body{font-family:%s;margin:0;background:%s;color:%s}
                main{max-width:32rem;margin:0 auto;padding:1.25rem}
                h1{font-family:%s;font-size:1.6rem;margin:.5rem 0}
                .banner{width:100%%;height:auto;border-radius:1rem;display:block}
                .card{background:%s;border-radius:1rem;padding:1.25rem;box-shadow:0 1px 4px #0002;margin-bottom:1rem}
                fieldset{border:0;padding:0;margin:0 0 1rem}
                label{display:block;margin:.4rem 0}
                .option{padding:.7rem;border:1px solid #ccc;border-radius:.6rem}
                input[type=number],input[type=text],select,textarea{width:100%%;box-sizing:border-box;padding:.6rem;font-size:1rem}
                button{width:100%%;padding:.9rem;font-size:1.1rem;border:0;border-radius:.6rem;background:%s;color:#fff}
                .answer{background:#e8f5e9;color:#1b3d1f;padding:.8rem;border-radius:.6rem}
                .alert{background:#fdecea;color:#611a15;padding:.8rem;border-radius:.6rem}
                .links a{margin-right:1rem}
                </style>
                </head>
                <body><main>
                %s
                <div class="card">
                %s
                <p>Dear %s, you are invited to</p>
                <h1>%s</h1>
                <p><time datetime="%s">%s</time> (%s)</p>
                %s%s%s%s
                <p class="links">Add to calendar: <a href="%s">Apple / .ics</a> <a href="%s">Google</a> <a href="%s">Outlook</a></p>
                </div>
                %s
                </main></body></html>
                """.formatted(
                htmlEscape(event.title()),
                theme.fonts().body(), theme.colors().background(), theme.colors().text(), theme.fonts().heading(),
                theme.colors().surface(), theme.colors().accent(),
                theme.artwork() == null ? ""
                        : "<img class=\"banner\" src=\"/artwork/" + theme.artwork() + ".svg\" alt=\"\" width=\"640\" height=\"200\">",
                event.cancelled() ? "<p class=\"alert\">This event has been cancelled.</p>" : "",
                htmlEscape(invitation.guestName()),
                htmlEscape(event.title()),
                event.startsAt(), htmlEscape(when), htmlEscape(event.timeZone()),
                event.description() == null ? "" : "<p>" + htmlEscape(event.description()) + "</p>",
                venue(event), online(event), message(invitation),
                htmlEscape(v.calendar().ics()), htmlEscape(v.calendar().google()), htmlEscape(v.calendar().outlook()),
                event.cancelled() ? "" : form(v, cap));
    }

    private static String form(View v, int cap) {
        GuestInvitation invitation = v.invitation();
        StringBuilder questions = new StringBuilder();
        for (Question q : v.questions()) {
            questions.append(field(q, 0, invitation, "for you"));
            for (int guest = 1; q.perGuest() && guest <= cap; guest++) {
                questions.append(field(q, guest, invitation, "for plus-one " + guest + " (if they come)"));
            }
        }
        return """
                <div class="card">
                %s%s
                <form method="post" action="/i/%s">
                <fieldset><legend>Will you come?</legend>
                <label class="option"><input type="radio" name="response" value="YES" %s required> Yes</label>
                %s
                <label class="option"><input type="radio" name="response" value="NO" %s> No</label>
                </fieldset>
                %s
                %s
                <p><label for="note">A note for the host</label>
                <textarea id="note" name="note" maxlength="1000" rows="3">%s</textarea></p>
                <button type="submit">Send my answer</button>
                </form>
                </div>""".formatted(
                v.error() == null ? "" : "<p class=\"alert\" role=\"alert\">" + htmlEscape(v.error()) + "</p>",
                currentAnswer(invitation),
                v.token(),
                checked(invitation, Rsvp.YES),
                v.event().allowMaybe() ? "<label class=\"option\"><input type=\"radio\" name=\"response\" value=\"MAYBE\" "
                        + checked(invitation, Rsvp.MAYBE) + "> Maybe</label>" : "",
                checked(invitation, Rsvp.NO),
                cap == 0 ? "" : """
                        <p><label for="plusOnes">Guests you bring (up to %d)</label>
                        <input id="plusOnes" type="number" name="plusOnes" min="0" max="%d" value="%d"></p>"""
                        .formatted(cap, cap, invitation.plusOnes()),
                questions,
                invitation.note() == null ? "" : htmlEscape(invitation.note()));
    }

    private static String field(Question q, int guest, GuestInvitation invitation, String who) {
        String name = "q." + q.id() + "." + guest;
        String current = invitation.answers().stream()
                .filter(a -> a.questionId().equals(q.id()) && a.guest() == guest)
                .map(QuestionAnswer::value).findFirst().orElse("");
        String label = htmlEscape(q.label()) + (q.perGuest() ? " — " + who : "")
                + (q.required() && guest == 0 ? " (required)" : "");
        String input = switch (q.kind()) {
            case CHOICE -> {
                StringBuilder select = new StringBuilder("<select id=\"" + name + "\" name=\"" + name + "\">"
                        + "<option value=\"\"></option>");
                q.options().forEach(o -> select.append("<option").append(o.equals(current) ? " selected" : "")
                        .append(">").append(htmlEscape(o)).append("</option>"));
                yield select.append("</select>").toString();
            }
            case MULTI_CHOICE -> {
                StringBuilder boxes = new StringBuilder();
                List<String> picked = List.of(current.split(";\\s*"));
                q.options().forEach(o -> boxes.append("<label><input type=\"checkbox\" name=\"").append(name)
                        .append("\" value=\"").append(htmlEscape(o)).append("\"")
                        .append(picked.contains(o) ? " checked" : "").append("> ").append(htmlEscape(o))
                        .append("</label>"));
                yield boxes.toString();
            }
            case NUMBER -> "<input id=\"" + name + "\" type=\"number\" name=\"" + name + "\""
                    + (q.min() == null ? "" : " min=\"" + q.min() + "\"")
                    + (q.max() == null ? "" : " max=\"" + q.max() + "\"")
                    + " value=\"" + htmlEscape(current) + "\">";
            case TEXT -> "<input id=\"" + name + "\" type=\"text\" maxlength=\"1000\" name=\"" + name
                    + "\" value=\"" + htmlEscape(current) + "\">";
        };
        String labelFor = q.kind() == Question.Kind.MULTI_CHOICE ? "" : " for=\"" + name + "\"";
        return q.kind() == Question.Kind.MULTI_CHOICE
                ? "<fieldset><legend>" + label + "</legend>" + input + "</fieldset>\n"
                : "<p><label" + labelFor + ">" + label + "</label>" + input + "</p>\n";
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
        String waiting = invitation.attendance() == Attendance.WAITLISTED
                ? " The event is full: you are on the waitlist and will be told as soon as a place frees up." : "";
        return "<p class=\"answer\">Your answer: <strong>" + invitation.response() + "</strong>" + extra + "."
                + waiting + " You can change it below.</p>";
    }

    private static String checked(GuestInvitation invitation, Rsvp option) {
        return invitation.response() == option ? "checked" : "";
    }
}
