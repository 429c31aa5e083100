package io.inviteflow.core.template;

import java.util.List;

/**
 * A starting point for an event: what an organizer of a birthday, a wedding or a conference usually wants, all of
 * which the event can change.
 */
public record EventTemplate(String id, String name, String category, String description, Defaults defaults,
                            Wording wording, List<Theme> themes, List<QuestionTemplate> questions,
                            List<Reminder> reminders) {

    /** @param capacity null: no limit */
    public record Defaults(String title, int durationMinutes, boolean allowMaybe, int maxPlusOnes, Integer capacity) {
    }

    /** Subject and message with merge fields such as {@code {firstName}}. */
    public record Wording(String subject, String message) {
    }

    /** @param artwork the name of the banner under {@code /artwork/{artwork}.svg} */
    public record Theme(String id, String name, Colors colors, Fonts fonts, String artwork) {
    }

    public record Colors(String background, String surface, String accent, String text) {
    }

    /** CSS font-family stacks of fonts phones already have: nothing is downloaded. */
    public record Fonts(String heading, String body) {
    }

    public record QuestionTemplate(String kind, String label, List<String> options, boolean required,
                                   boolean perGuest) {
    }

    /**
     * @param kind   BEFORE_EVENT, UNOPENED (after the invitation, when not opened) or MAYBE_BEFORE_DEADLINE
     * @param offset an ISO-8601 duration, e.g. {@code P7D}, {@code PT2H}
     */
    public record Reminder(String kind, String offset) {
    }

    public Theme theme(String themeId) {
        return themes.stream().filter(t -> t.id().equals(themeId)).findFirst().orElse(null);
    }
}
