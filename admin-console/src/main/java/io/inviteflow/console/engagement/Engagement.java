package io.inviteflow.console.engagement;

import java.time.Instant;

/**
 * The latest engagement figures of one event, as the streaming job last wrote them. Also the body of
 * {@code GET /api/v1/events/{id}/engagement}.
 *
 * @param asOf when the streaming job wrote these figures ({@code updated_at}); null when it has written none yet
 */
public record Engagement(long invited, long opened, long yes, long no, long maybe, long headcount, Instant asOf) {

    /** An event the streaming job has not seen yet: all zeros. */
    public static final Engagement NONE = new Engagement(0, 0, 0, 0, 0, 0, null);

    /** Guests who answered at all. */
    public long answered() {
        return yes + no + maybe;
    }
}
