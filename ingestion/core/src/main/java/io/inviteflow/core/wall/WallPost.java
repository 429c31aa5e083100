package io.inviteflow.core.wall;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A post on an event's wall with what hangs under it.
 *
 * @param invitationId the guest who wrote it
 * @param photoUrl     the phone-sized photo, or null
 * @param reactions    count per reaction id ({@code heart}, …)
 * @param mine         the reactions of the guest looking at it
 */
record WallPost(UUID id, UUID invitationId, String authorName, String body, String photoUrl, boolean hidden,
                Instant createdAt, List<Comment> comments, Map<String, Integer> reactions, List<String> mine) {

    record Comment(UUID id, UUID invitationId, String authorName, String body, boolean hidden, Instant createdAt) {
    }
}
