package io.inviteflow.streaming.totals;

import java.util.Arrays;

/**
 * The last few activities counted for an aggregate, as 64-bit hashes of their eventIds: what makes counts of
 * occurrences (every open, every share) idempotent. The outbox relay redelivers right after a crash, so a redelivered
 * activity finds its id among the last {@value #SIZE} of its own aggregate; remembering every id ever seen would grow
 * without end. Collisions of two ids of one aggregate are about 2^-60 likely.
 */
public final class RecentActivities {

    static final int SIZE = 16;

    private RecentActivities() {
    }

    public static boolean contains(long[] recent, String eventId) {
        long h = hash(eventId);
        for (long r : recent) {
            if (r == h) {
                return true;
            }
        }
        return false;
    }

    /** The ring with {@code eventId} added, the oldest dropped once it is full. */
    public static long[] add(long[] recent, String eventId) {
        long[] next = recent.length < SIZE ? Arrays.copyOf(recent, recent.length + 1)
                : Arrays.copyOfRange(recent, 1, SIZE + 1);
        next[next.length - 1] = hash(eventId);
        return next;
    }

    /** FNV-1a over the id's characters, then a 64-bit finalizer so short ids spread too. */
    static long hash(String eventId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < eventId.length(); i++) {
            h ^= eventId.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
