package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The core's guest-side settings and wall moderation API, as the console reads it. */
public final class CoreWall {

    private CoreWall() {
    }

    /** What guests may do on their invitation pages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GuestOptions(int friendInvites, boolean wall, boolean chat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Comment(UUID id, UUID invitationId, String authorName, String body, boolean hidden,
                          Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(UUID id, UUID invitationId, String authorName, String body, String photoUrl, boolean hidden,
                       Instant createdAt, List<Comment> comments, Map<String, Integer> reactions) {
    }
}
