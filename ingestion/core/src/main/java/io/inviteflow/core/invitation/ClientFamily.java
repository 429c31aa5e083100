package io.inviteflow.core.invitation;

import java.util.Locale;

/** A coarse client family from the User-Agent: analytics need no more, and privacy wants no more. */
final class ClientFamily {

    private ClientFamily() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("bot") || ua.contains("crawler") || ua.contains("spider") || ua.contains("preview")
                || ua.contains("facebookexternalhit")) {
            return "bot";
        }
        if (ua.contains("mobi") || ua.contains("android") || ua.contains("iphone")) {
            return "mobile";
        }
        return "desktop";
    }
}
