package io.inviteflow.core.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded image or video, as the API shows it.
 *
 * @param url      the original, at a URL that changes whenever the content does (it is the content's hash)
 * @param variants smaller copies of an image for phones, narrowest first
 */
public record Media(UUID id, UUID eventId, String kind, String contentType, long bytes, Integer width,
                    Integer height, String url, List<Variant> variants, String originalName, Instant createdAt) {

    public record Variant(int width, String url) {
    }
}
