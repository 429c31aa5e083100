package io.inviteflow.core.event;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The video services guests join online events by. A link on a known service's host must have that service's meeting
 * form, so a mistyped Zoom or Meet link is caught when the event is saved, not when a hundred guests click it.
 */
public enum OnlinePlatform {
    ZOOM("(?:[a-z0-9-]+\\.)?zoom\\.us", "/(?:j|w|my)/[A-Za-z0-9._-]+/?"),
    GOOGLE_MEET("meet\\.google\\.com", "/[a-z]{3}-[a-z]{4}-[a-z]{3}/?"),
    TEAMS("teams\\.(?:microsoft|live)\\.com", "/(?:l/meetup-join/.+|meet/[0-9A-Za-z?=&]+)"),
    JITSI("meet\\.jit\\.si", "/[A-Za-z0-9_-]{3,}/?"),
    /** Any other http(s) link: a webinar tool, a livestream. */
    OTHER(".*", ".*");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ROOM_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Pattern host;
    private final Pattern path;

    OnlinePlatform(String host, String path) {
        this.host = Pattern.compile(host);
        this.path = Pattern.compile(path);
    }

    /** The platform of a link, or empty when the link is on a known platform's host but not a meeting link. */
    static Optional<OnlinePlatform> of(URI link) {
        String h = link.getHost().toLowerCase(Locale.ROOT);
        String p = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
        if (link.getRawQuery() != null && h.startsWith("teams.")) {
            p = p + "?" + link.getRawQuery();
        }
        for (OnlinePlatform platform : values()) {
            if (platform != OTHER && platform.host.matcher(h).matches()) {
                return platform.path.matcher(p).matches() ? Optional.of(platform) : Optional.empty();
            }
        }
        return Optional.of(OTHER);
    }

    /** A new, unguessable Jitsi room: Jitsi rooms exist as soon as someone opens their link. */
    static String newJitsiRoom() {
        StringBuilder room = new StringBuilder("https://meet.jit.si/Inviteflow-");
        for (int i = 0; i < 20; i++) {
            room.append(ROOM_ALPHABET.charAt(RANDOM.nextInt(ROOM_ALPHABET.length())));
        }
        return room.toString();
    }
}
