package io.inviteflow.batch.reminder;

import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.JobParametersValidator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The business identity of one reminder run, i.e. the identifying job parameters: kind, the (scheduled) time truncated
 * to the minute, and optionally one party event. Launching the same run again restarts it if it failed, and is refused
 * if it completed.
 *
 * @param kind    {@value Reminder#UNANSWERED}
 * @param runAt   scheduled fire time, truncated to the minute
 * @param eventId only this party event, or null for all
 */
public record ReminderRun(String kind, Instant runAt, UUID eventId) {

    static final String KIND = "kind";
    static final String RUN_AT = "runAt";
    static final String EVENT_ID = "eventId";

    public ReminderRun {
        Objects.requireNonNull(kind, "kind");
        runAt = Objects.requireNonNull(runAt, "runAt").truncatedTo(ChronoUnit.MINUTES);
    }

    public static ReminderRun unanswered(Instant at, UUID eventId) {
        return new ReminderRun(Reminder.UNANSWERED, at, eventId);
    }

    public JobParameters toJobParameters() {
        var parameters = new JobParametersBuilder()
                .addString(KIND, kind)
                .addString(RUN_AT, runAt.toString());
        if (eventId != null) {
            parameters.addString(EVENT_ID, eventId.toString());
        }
        return parameters.toJobParameters();
    }

    /** Accepts exactly the parameters {@link #toJobParameters()} makes, for kind {@code expectedKind}. */
    static JobParametersValidator validator(String expectedKind) {
        return parameters -> {
            if (parameters == null || !expectedKind.equals(parameters.getString(KIND))) {
                throw new JobParametersInvalidException("kind must be '" + expectedKind + "'");
            }
            try {
                Instant.parse(Objects.requireNonNull(parameters.getString(RUN_AT), "runAt is required"));
                String eventId = parameters.getString(EVENT_ID);
                if (eventId != null) {
                    UUID.fromString(eventId);
                }
            } catch (RuntimeException e) {
                throw new JobParametersInvalidException("invalid reminder run parameters: " + e.getMessage());
            }
        };
    }
}
