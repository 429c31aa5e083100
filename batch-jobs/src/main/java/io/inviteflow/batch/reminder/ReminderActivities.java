package io.inviteflow.batch.reminder;

import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes {@link ActivityType#REMINDER_SENT} to the activity topic and waits for the broker's acks. The eventId
 * is {@link Reminder#activityId()}, deterministic, so a re-publish after a restart is deduplicated downstream.
 * <p>
 * Why not the outbox the house style asks for: the state change here is an email, which no database transaction can
 * include. The {@code reminder_delivery} row in status {@code sent} plays the outbox's part: until the broker acked,
 * the row stays {@code sent} and the next run re-publishes it.
 */
@Component
public class ReminderActivities {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** The channel suffix of a Web Push delivery's kind. */
    public static final String PUSH = "push";
    /** The channel suffix of a text message's kind. */
    public static final String SMS = "sms";
    private final KafkaTemplate<String, byte[]> kafka;
    private final ActivityCodec codec = new ActivityCodec();
    private final String topic;
    private final Clock clock;

    ReminderActivities(KafkaTemplate<String, byte[]> kafka, @Value("${inviteflow.activity-topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
        this.clock = Clock.systemUTC();
    }

    /** A mailed reminder, as its REMINDER_SENT activity needs it. */
    public record Sent(String kind, UUID invitationId, UUID partyEventId) {

        /** Same key as {@link Reminder#activityId()}: a re-publish carries the same eventId. */
        UUID activityId() {
            return UUID.nameUUIDFromBytes((kind + ":" + invitationId).getBytes(StandardCharsets.UTF_8));
        }

        /** The kind without the change it is about: {@code event-rescheduled/<activity id>} → {@code event-rescheduled}. */
        String kindName() {
            int slash = kind.indexOf('/');
            return slash < 0 ? kind : kind.substring(0, slash);
        }

        /** The campaign of a campaign message ({@code campaign/<id>/<channel>}), else null. */
        UUID campaignId() {
            String[] parts = kind.split("/");
            return parts.length == 3 && parts[0].equals("campaign") ? UUID.fromString(parts[1]) : null;
        }

        /** The channel its kind ends in ({@code /push}, {@code /sms}); {@code email} otherwise. */
        String channel() {
            if (kind.endsWith("/" + PUSH)) {
                return PUSH;
            }
            return kind.endsWith("/" + SMS) ? SMS : "email";
        }

        public static Sent of(Reminder reminder) {
            return new Sent(reminder.kind(), reminder.invitationId(), reminder.partyEventId());
        }
    }

    /** Sends all, then waits for every ack; throws if any was not acknowledged. */
    public void publish(List<Sent> reminders) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Sent reminder : reminders) {
            var activity = codec.activity(reminder.activityId(), ActivityType.REMINDER_SENT, "invitation",
                    reminder.invitationId(), reminder.partyEventId(), clock.instant(),
                    new Payloads.ReminderSent(reminder.kindName(), reminder.channel(),
                            reminder.campaignId()));
            acks.add(kafka.send(topic, activity.key(), codec.toJson(activity)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing REMINDER_SENT", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("REMINDER_SENT not acknowledged by Kafka", e);
        }
    }
}
