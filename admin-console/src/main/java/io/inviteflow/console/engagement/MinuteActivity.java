package io.inviteflow.console.engagement;

import java.time.Instant;

/** Opens and answers of one event within one minute (a row of {@code engagement_minute}). */
public record MinuteActivity(Instant minute, long opens, long answers) {
}
