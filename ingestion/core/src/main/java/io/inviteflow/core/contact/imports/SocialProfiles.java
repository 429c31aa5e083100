package io.inviteflow.core.contact.imports;

import io.inviteflow.core.contact.PointKind;

import java.util.Locale;
import java.util.Optional;

/** Recognises social profile links by their host. */
final class SocialProfiles {

    private SocialProfiles() {
    }

    static Optional<PointKind> kindOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String host = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        if (host.startsWith("linkedin.com/")) {
            return Optional.of(PointKind.LINKEDIN);
        }
        if (host.startsWith("facebook.com/")) {
            return Optional.of(PointKind.FACEBOOK);
        }
        if (host.startsWith("instagram.com/")) {
            return Optional.of(PointKind.INSTAGRAM);
        }
        if (host.startsWith("twitter.com/") || host.startsWith("x.com/")) {
            return Optional.of(PointKind.TWITTER);
        }
        return Optional.empty();
    }
}
