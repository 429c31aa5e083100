package io.inviteflow.contract;

/** Payload records, one per {@link ActivityType}. All are at schema version 1. */
public final class Payloads {

    private Payloads() {
    }

    /**
     * @param organizerId the organizer who sent it
     * @param theme       the invitation theme (template), e.g. {@code birthday}; the recommender learns from it
     * @param channel     how it was delivered: {@code link}, {@code email}, {@code sms}
     */
    public record InvitationCreated(java.util.UUID organizerId, String theme, String channel) {
    }

    /** @param client a coarse client family (mobile, desktop, bot) — never the full user agent */
    public record InvitationOpened(String client) {
    }

    /**
     * @param response      the answer
     * @param plusOnes      extra guests the guest brings (0 when not YES)
     * @param answerVersion increases with every answer of the same invitation: the highest version is the
     *                      latest answer, whatever order the messages arrive in
     */
    public record RsvpAnswered(Rsvp response, int plusOnes, long answerVersion) {
    }

    /** @param reminderKind e.g. {@code unanswered}; @param channel e.g. {@code email} */
    public record ReminderSent(String reminderKind, String channel) {
    }

    /** A guest's answer. */
    public enum Rsvp { YES, NO, MAYBE }
}
