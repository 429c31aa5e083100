package io.inviteflow.core.wall;

import java.util.Arrays;
import java.util.Optional;

/** The reactions a guest can leave on a wall post: a short fixed set, like every messenger's. */
enum Reaction {
    HEART("&#x2764;&#xFE0F;"), PARTY("&#x1F389;"), LAUGH("&#x1F602;"), THUMBS_UP("&#x1F44D;");

    /**
     * The emoji as HTML character references: the page's own markup stays Latin-1, which Java strings hold (and
     * encode to UTF-8) at half the cost of UTF-16.
     */
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
