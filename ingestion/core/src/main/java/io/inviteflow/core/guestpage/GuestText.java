package io.inviteflow.core.guestpage;

import org.springframework.context.MessageSource;

import java.util.Arrays;
import java.util.Locale;

import static io.inviteflow.core.guestpage.Html.htmlEscape;

/** The guest pages' wording in one language ({@code i18n/guest_*.properties}), ready to put into HTML. */
public final class GuestText {

    private final MessageSource messages;
    private final Locale locale;

    public GuestText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The message with its arguments, HTML-escaped (arguments may come from users). */
    public String html(String key, Object... args) {
        return htmlEscape(text(key, args));
    }

    /** The plain message (for JSON, attributes escaped by the caller, emails). */
    public String text(String key, Object... args) {
        return messages.getMessage(key, Arrays.copyOf(args, args.length), locale);
    }
}
