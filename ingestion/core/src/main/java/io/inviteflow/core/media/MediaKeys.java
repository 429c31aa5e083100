package io.inviteflow.core.media;

import java.util.regex.Pattern;

/** Object keys: the SHA-256 of the original, an optional variant width, an extension. */
final class MediaKeys {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}(-w\\d{2,4})?\\.(jpg|png|gif|webp|mp4|webm|mov)");

    private MediaKeys() {
    }

    static boolean valid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    static String original(String sha256, String extension) {
        return sha256 + "." + extension;
    }

    static String variant(String sha256, int width, String extension) {
        return sha256 + "-w" + width + "." + extension;
    }
}
