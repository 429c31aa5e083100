package io.inviteflow.core.event;

import java.util.List;
import java.util.UUID;

/**
 * Something the organizer asks guests when they answer: a meal choice, dietary needs, a gift pick, a number.
 *
 * @param perGuest asked of each plus-one too, not only of the guest
 * @param min      for NUMBER: the smallest answer allowed, or null
 * @param max      for NUMBER: the largest answer allowed, or null
 */
public record Question(UUID id, Kind kind, String label, List<String> options, boolean required, boolean perGuest,
                       Integer min, Integer max) {

    public enum Kind {
        /** One of {@code options}. */
        CHOICE,
        /** Any of {@code options}; stored as the chosen options joined by {@code "; "}. */
        MULTI_CHOICE,
        /** Free text, up to 1,000 characters. */
        TEXT,
        /** A whole number between {@code min} and {@code max}. */
        NUMBER
    }
}
