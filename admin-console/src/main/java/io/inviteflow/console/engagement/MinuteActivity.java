package io.inviteflow.console.engagement;

import java.time.Instant;

/** Opens and answers of one event within one minute (the {@code opens_by_minute} and {@code answers_by_minute} counters of {@code engagement_totals}). */
public record MinuteActivity(Instant minute, long opens, long answers) {
}
