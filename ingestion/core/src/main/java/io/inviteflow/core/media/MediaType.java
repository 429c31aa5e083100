package io.inviteflow.core.media;

import java.util.Optional;

/** The formats accepted, recognised by their first bytes (a file's name and declared type are not trusted). */
enum MediaType {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    GIF("image/gif", "gif", true),
    WEBP("image/webp", "webp", true),
    MP4("video/mp4", "mp4", false),
    QUICKTIME("video/quicktime", "mov", false),
    WEBM("video/webm", "webm", false);

    final String contentType;
    final String extension;
    final boolean image;

    MediaType(String contentType, String extension, boolean image) {
        this.contentType = contentType;
        this.extension = extension;
        this.image = image;
    }

    static Optional<MediaType> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (starts(b, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (starts(b, 0, "GIF87a".getBytes()) || starts(b, 0, "GIF89a".getBytes())) {
            return Optional.of(GIF);
        }
        if (starts(b, 0, "RIFF".getBytes()) && starts(b, 8, "WEBP".getBytes())) {
            return Optional.of(WEBP);
        }
        if (starts(b, 4, "ftyp".getBytes())) {
            return Optional.of(starts(b, 8, "qt  ".getBytes()) ? QUICKTIME : MP4);
        }
        if (starts(b, 0, new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})) {
            return Optional.of(WEBM);
        }
        return Optional.empty();
    }

    static Optional<MediaType> ofExtension(String extension) {
        for (MediaType type : values()) {
            if (type.extension.equals(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
