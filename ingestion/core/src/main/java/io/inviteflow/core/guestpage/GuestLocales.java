package io.inviteflow.core.guestpage;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/**
 * The guest's language: the one they picked ({@code ?lang=}, then remembered in a cookie), else the best match of
 * their browser's {@code Accept-Language}, else English.
 */
public final class GuestLocales {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"));
    public static final String COOKIE = "inviteflow-lang";

    private GuestLocales() {
    }

    public static Locale of(HttpServletRequest request) {
        Locale chosen = chosen(request);
        return chosen != null ? chosen : Locale.ENGLISH;
    }

    /**
     * The guest's language as they or their browser said it (the page's choice, its cookie, Accept-Language), or
     * null when nothing said it and the page falls back to English (a link scanner, a bare client).
     */
    public static Locale chosen(HttpServletRequest request) {
        Locale picked = supported(request.getParameter("lang"));
        if (picked != null) {
            return picked;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue()) != null) {
                    return supported(cookie.getValue());
                }
            }
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a broken header is no reason to refuse the page
            }
        }
        return null;
    }

    /** The supported locale for a language tag, or null. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
