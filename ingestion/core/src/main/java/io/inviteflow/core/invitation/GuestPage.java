package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.event.Question;
import io.inviteflow.core.guestpage.GuestLocales;
import io.inviteflow.core.guestpage.GuestPageSection;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.template.EventTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/**
 * Renders the invitation page in the event's theme and the guest's language: one small HTML document (styles
 * inline, one deferred script), phone first, two columns from tablet width. Everything that came from a user is
 * HTML-escaped. The answer form works without JavaScript; question fields are named {@code q.<questionId>.<guest>}
 * (guest 0 is the invitee). Sections of other features (sharing, wall, chat, push) follow the answer form.
 */
final class GuestPage {

    private static final EventTemplate.Theme PLAIN = new EventTemplate.Theme("plain", "Plain",
            new EventTemplate.Colors("#f6f4fb", "#ffffff", "#5b3cc4", "#1d1b26"),
            new EventTemplate.Fonts("system-ui,-apple-system,sans-serif", "system-ui,-apple-system,sans-serif"), null);

    /** What the page shows besides the event and the invitation. */
    record View(GuestView guest, GuestInvitation invitation, List<Question> questions,
                Optional<EventTemplate.Theme> theme, CalendarLinks calendar, String error, String scriptUrl,
                Instant now) {

        PartyEvent event() {
            return guest.event();
        }

        GuestText text() {
            return guest.text();
        }

        String token() {
            return guest.token();
        }
    }

    /** The page's styles but for the theme's colours and fonts (custom properties): not re-formatted per page. */
    private static final String STYLES = """
            *{box-sizing:border-box}
            body{font-family:var(--body-font);margin:0;background:var(--bg);color:var(--text);line-height:1.45}
            main{max-width:32rem;margin:0 auto;padding:1rem 1rem 2rem}
            @media (min-width:48rem){main{max-width:64rem;display:grid;grid-template-columns:1fr 1fr;gap:0 1.25rem;align-items:start}
            main>.wide{grid-column:1/-1}}
            .column{min-width:0}
            h1,h2{font-family:var(--heading-font);margin:.4rem 0}
            h1{font-size:1.6rem}
            h2{font-size:1.2rem}
            .banner{width:100%;height:auto;border-radius:1rem;display:block;margin-bottom:1rem}
            .card{background:var(--surface);border-radius:1rem;padding:1.1rem;box-shadow:0 1px 4px #0002;margin-bottom:1rem}
            fieldset{border:0;padding:0;margin:0 0 1rem}
            label{display:block;margin:.4rem 0}
            .option{padding:.7rem;border:1px solid #8886;border-radius:.6rem}
            input[type=number],input[type=text],input[type=email],select,textarea{width:100%;padding:.6rem;font-size:1rem;border:1px solid #8888;border-radius:.4rem}
            button,.button{display:inline-block;padding:.8rem 1rem;font-size:1.05rem;border:0;border-radius:.6rem;background:var(--accent);color:#fff;text-decoration:none;cursor:pointer}
            form>button{width:100%}
            button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
            .small{font-size:.9rem;padding:.4rem .7rem}
            .muted{opacity:.8;font-size:.9rem}
            .answer{background:#e8f5e9;color:#1b3d1f;padding:.8rem;border-radius:.6rem}
            .alert{background:#fdecea;color:#611a15;padding:.8rem;border-radius:.6rem}
            .ok{background:#e8f5e9;color:#1b3d1f;padding:.8rem;border-radius:.6rem}
            .links a{margin-right:1rem}
            .countdown{font-weight:600}
            .post,.idea{border-top:1px solid #8884;padding:.7rem 0}
            .post img{max-width:100%;height:auto;border-radius:.6rem}
            .comments{margin:.3rem 0 0 1rem;font-size:.95rem}
            .reactions form{display:inline}
            .reactions form>button{width:auto;background:transparent;color:inherit;border:1px solid #8886;padding:.2rem .5rem;font-size:.95rem}
            .reactions button[aria-pressed=true]{border-color:var(--accent);font-weight:700}
            #chat-log{list-style:none;padding:0;max-height:22rem;overflow-y:auto}
            #chat-log li{padding:.3rem 0}
            .row{display:flex;gap:.5rem;align-items:end}.row>*{flex:1;margin:0}.row>button{flex:0 0 auto;width:auto}
            nav.langs a{margin-right:.8rem}
            [hidden]{display:none!important}
            """;

    /** Sections from this order on go beside the invitation on wide screens. */
    private static final int TOGETHER = 20;

    String render(View v, List<GuestPageSection> sections) {
        PartyEvent event = v.event();
        GuestText t = v.text();
        Locale locale = t.locale();
        GuestInvitation invitation = v.invitation();
        EventTemplate.Theme theme = v.theme().orElse(PLAIN);
        ZoneId zone = ZoneId.of(event.timeZone());
        String when = event.startsAt().atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale));
        String zoneName = zone.getDisplayName(TextStyle.FULL, locale);
        int cap = invitation.maxPlusOnes() != null ? invitation.maxPlusOnes() : event.maxPlusOnes();
        // beside the invitation on wide screens: what guests do together (wall, chat, push)
        StringBuilder beside = new StringBuilder();
        StringBuilder below = new StringBuilder();
        sections.forEach(s -> (s.order() < TOGETHER ? below : beside).append(s.render(v.guest())));
        String description = htmlEscape(when + (event.venue() == null ? "" : " · " + event.venue().name()));
        String title = htmlEscape(event.title());
        // appended, not String.format-ted: the page is built for every open, and formatting a template this size
        // cost more than everything else on the page together
        StringBuilder html = new StringBuilder(16_384)
                .append("<!doctype html>\n<html lang=\"").append(locale.getLanguage()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<meta name=\"theme-color\" content=\"").append(theme.colors().accent()).append("\">\n")
                .append("<title>").append(title).append("</title>\n")
                .append("<meta property=\"og:type\" content=\"website\">\n")
                .append("<meta property=\"og:site_name\" content=\"Inviteflow\">\n")
                .append("<meta property=\"og:title\" content=\"").append(title).append("\">\n")
                .append("<meta property=\"og:description\" content=\"").append(description).append("\">\n")
                .append("<meta property=\"og:locale\" content=\"").append(locale).append("\">\n")
                .append("<meta name=\"twitter:card\" content=\"summary\">\n")
                .append("<meta name=\"twitter:title\" content=\"").append(title).append("\">\n")
                .append("<meta name=\"twitter:description\" content=\"").append(description).append("\">\n")
                .append("<link rel=\"manifest\" href=\"/i/").append(v.token()).append("/manifest.webmanifest\">\n")
                .append("<link rel=\"icon\" href=\"/guest/icon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"apple-touch-icon\" href=\"/guest/icon.svg\">\n")
                .append("<style>\n:root{--bg:").append(theme.colors().background())
                .append(";--surface:").append(theme.colors().surface())
                .append(";--accent:").append(theme.colors().accent())
                .append(";--text:").append(theme.colors().text())
                .append(";--body-font:").append(theme.fonts().body())
                .append(";--heading-font:").append(theme.fonts().heading()).append("}\n")
                .append(STYLES).append("</style>\n")
                .append("<script src=\"").append(v.scriptUrl()).append("\" defer></script>\n</head>\n")
                .append("<body data-token=\"").append(v.token()).append("\" data-lang=\"").append(locale.getLanguage())
                .append("\"><main>\n<div class=\"wide\">");
        if (theme.artwork() != null) {
            html.append("<img class=\"banner\" src=\"/artwork/").append(theme.artwork())
                    .append(".svg\" alt=\"\" width=\"640\" height=\"200\">");
        }
        html.append("</div>\n<div class=\"column\">\n<div class=\"card\">\n");
        if (event.cancelled()) {
            html.append("<p class=\"alert\">").append(t.html("page.cancelled")).append("</p>\n");
        }
        html.append("<p>").append(t.html("page.invited", invitation.guestName())).append("</p>\n")
                .append("<h1>").append(title).append("</h1>\n")
                .append("<p><time datetime=\"").append(event.startsAt()).append("\">").append(htmlEscape(when))
                .append("</time> (").append(htmlEscape(zoneName)).append(")</p>\n")
                .append(countdown(event, v.now(), t)).append('\n');
        if (event.description() != null) {
            html.append("<p>").append(htmlEscape(event.description())).append("</p>");
        }
        html.append(venue(event)).append(online(event, t)).append(message(invitation)).append('\n')
                .append("<p class=\"links\">").append(t.html("page.addToCalendar"))
                .append(" <a href=\"").append(htmlEscape(v.calendar().ics())).append("\">Apple / .ics</a>")
                .append(" <a href=\"").append(htmlEscape(v.calendar().google())).append("\">Google</a>")
                .append(" <a href=\"").append(htmlEscape(v.calendar().outlook())).append("\">Outlook</a></p>\n")
                .append("</div>\n");
        if (!event.cancelled()) {
            html.append(form(v, cap));
        }
        return html.append('\n').append(below).append("\n</div>\n<div class=\"column\">\n").append(beside)
                .append("\n</div>\n<nav class=\"langs wide\" aria-label=\"").append(t.html("page.language"))
                .append("\">").append(languages(locale)).append(" · <a href=\"/i/").append(v.token())
                .append("/privacy\">").append(t.html("privacy.link")).append("</a></nav>\n</main></body></html>\n")
                .toString();
    }

    /** Days (or hours) until the event; guest.js keeps it ticking in the guest's language. */
    private static String countdown(PartyEvent event, Instant now, GuestText t) {
        Duration left = Duration.between(now, event.startsAt().toInstant());
        if (event.cancelled()) {
            return "";
        }
        String text = left.isNegative() ? t.html("countdown.started")
                : left.toHours() < 24 ? t.html("countdown.hours", Math.max(1, left.toHours()))
                : t.html("countdown.days", left.toDays());
        return "<p class=\"countdown\" data-starts=\"" + event.startsAt().toInstant() + "\">" + text + "</p>";
    }

    private static String form(View v, int cap) {
        GuestInvitation invitation = v.invitation();
        GuestText t = v.text();
        StringBuilder questions = new StringBuilder();
        for (Question q : v.questions()) {
            questions.append(field(q, 0, invitation, t.text("question.forYou"), t));
            for (int guest = 1; q.perGuest() && guest <= cap; guest++) {
                questions.append(field(q, guest, invitation, t.text("question.forPlusOne", guest), t));
            }
        }
        return """
                <div class="card" id="answer">
                %s%s
                <form method="post" action="/i/%s">
                <fieldset><legend>%s</legend>
                <label class="option"><input type="radio" name="response" value="YES" %s required> %s</label>
                %s
                <label class="option"><input type="radio" name="response" value="NO" %s> %s</label>
                </fieldset>
                %s
                %s
                <p><label for="note">%s</label>
                <textarea id="note" name="note" maxlength="1000" rows="3">%s</textarea></p>
                <button type="submit">%s</button>
                </form>
                </div>""".formatted(
                v.error() == null ? "" : "<p class=\"alert\" role=\"alert\">" + htmlEscape(v.error()) + "</p>",
                currentAnswer(invitation, t),
                v.token(),
                t.html("form.legend"),
                checked(invitation, Rsvp.YES), t.html("form.yes"),
                v.event().allowMaybe() ? "<label class=\"option\"><input type=\"radio\" name=\"response\" value=\"MAYBE\" "
                        + checked(invitation, Rsvp.MAYBE) + "> " + t.html("form.maybe") + "</label>" : "",
                checked(invitation, Rsvp.NO), t.html("form.no"),
                cap == 0 ? "" : """
                        <p><label for="plusOnes">%s</label>
                        <input id="plusOnes" type="number" name="plusOnes" min="0" max="%d" value="%d" inputmode="numeric"></p>"""
                        .formatted(t.html("form.plusOnes", cap), cap, invitation.plusOnes()),
                questions,
                t.html("form.note"),
                invitation.note() == null ? "" : htmlEscape(invitation.note()),
                t.html("form.send"));
    }

    private static String field(Question q, int guest, GuestInvitation invitation, String who, GuestText t) {
        String name = "q." + q.id() + "." + guest;
        String current = invitation.answers().stream()
                .filter(a -> a.questionId().equals(q.id()) && a.guest() == guest)
                .map(QuestionAnswer::value).findFirst().orElse("");
        String label = htmlEscape(q.label()) + (q.perGuest() ? " &mdash; " + htmlEscape(who) : "")
                + (q.required() && guest == 0 ? " " + t.html("question.required") : "");
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
        return q.kind() == Question.Kind.MULTI_CHOICE
                ? "<fieldset><legend>" + label + "</legend>" + input + "</fieldset>\n"
                : "<p><label for=\"" + name + "\">" + label + "</label>" + input + "</p>\n";
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

    private static String online(PartyEvent event, GuestText t) {
        return event.onlineUrl() == null ? ""
                : "<p>" + t.html("page.joinOnline") + " <a href=\"" + htmlEscape(event.onlineUrl()) + "\">"
                + htmlEscape(event.onlineUrl()) + "</a></p>";
    }

    private static String message(GuestInvitation invitation) {
        return invitation.message() == null ? "" : "<p>" + htmlEscape(invitation.message()) + "</p>";
    }

    private static String currentAnswer(GuestInvitation invitation, GuestText t) {
        if (invitation.response() == null) {
            return "";
        }
        String response = t.html("form." + invitation.response().name().toLowerCase(Locale.ROOT));
        String extra = invitation.plusOnes() > 0 ? " " + t.html("answer.with", invitation.plusOnes()) : "";
        String waiting = invitation.attendance() == Attendance.WAITLISTED ? " " + t.html("answer.waitlisted") : "";
        return "<p class=\"answer\">" + t.html("answer.current") + " <strong>" + response + "</strong>" + extra + "."
                + waiting + " " + t.html("answer.change") + "</p>";
    }

    private static String languages(Locale current) {
        StringBuilder links = new StringBuilder();
        for (Locale l : GuestLocales.SUPPORTED) {
            String name = l.getDisplayLanguage(l);
            name = name.substring(0, 1).toUpperCase(l) + name.substring(1);
            links.append(l.equals(current)
                    ? "<strong lang=\"" + l.getLanguage() + "\" aria-current=\"true\">" + name + "</strong> "
                    : "<a href=\"?lang=" + l.getLanguage() + "\" hreflang=\"" + l.getLanguage() + "\" lang=\""
                    + l.getLanguage() + "\">" + name + "</a> ");
        }
        return links.toString();
    }

    private static String checked(GuestInvitation invitation, Rsvp option) {
        return invitation.response() == option ? "checked" : "";
    }
}
