package io.inviteflow.core.wall;

import java.util.Arrays;
import java.util.Optional;

/** The reactions a guest can leave on a wall post: a short fixed set, like every messenger's. */
enum Reaction {
    HEART("\u2764\uFE0F"), PARTY("\uD83C\uDF89"), LAUGH("\uD83D\uDE02"), THUMBS_UP("\uD83D\uDC4D");

    final String emoji;

    Reaction(String emoji) {
        this.emoji = emoji;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<Reaction> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
