package io.inviteflow.streaming.records;

import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityDeserializerTest {

    private final ActivityCodec codec = new ActivityCodec();
    private final Map<String, SimpleCounter> counters = new HashMap<>();
    private final List<ActivityEvent> out = new ArrayList<>();
    private final ActivityDeserializer deserializer = new ActivityDeserializer();

    @BeforeEach
    void open() {
        MetricGroup metrics = new UnregisteredMetricsGroup() {
            @Override
            public Counter counter(String name) {
                return counters.computeIfAbsent(name, n -> new SimpleCounter());
            }
        };
        deserializer.open(new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return metrics;
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
            }
        });
    }

    @Test
    void flattensAnAnswerWithItsTypedFieldsAndRawPayload() {
        UUID eventId = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        byte[] json = codec.toJson(codec.activity(eventId, ActivityType.RSVP_ANSWERED, "invitation", invitation, party,
                Instant.parse("2026-05-01T10:00:00.250Z"), new Payloads.RsvpAnswered(Payloads.Rsvp.MAYBE, 1, 7)));

        deserialize(json);

        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.eventId()).isEqualTo(eventId.toString());
            assertThat(a.aggregateId()).isEqualTo(invitation.toString());
            assertThat(a.partyEventId()).isEqualTo(party.toString());
            assertThat(a.occurredAtMs()).isEqualTo(Instant.parse("2026-05-01T10:00:00.250Z").toEpochMilli());
            assertThat(a.response()).isEqualTo(Payloads.Rsvp.MAYBE);
            assertThat(a.plusOnes()).isEqualTo(1);
            assertThat(a.answerVersion()).isEqualTo(7);
            assertThat(new String(a.payload(), StandardCharsets.UTF_8)).contains("\"answerVersion\":7");
        });
        assertThat(counters.values()).allSatisfy(c -> assertThat(c.getCount()).isZero());
    }

    @Test
    void anAnswersChoicesBecomeQuestionAndOptionKeys() {
        UUID meal = UUID.randomUUID();
        deserialize(codec.toJson(codec.activity(UUID.randomUUID(), ActivityType.RSVP_ANSWERED, "invitation",
                UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-05-01T10:00:00Z"),
                new Payloads.RsvpAnswered(Payloads.Rsvp.YES, 1, 1, true, List.of(
                        new Payloads.QuestionChoice(meal, 0, "Fish"), new Payloads.QuestionChoice(meal, 1, "Meat|Veal"))))));
        deserialize(envelope("RSVP_ANSWERED", "{\"response\":\"NO\",\"plusOnes\":0,\"answerVersion\":2}"));

        assertThat(out).extracting(a -> List.of(a.details().choices()))
                .containsExactly(List.of(meal + "|Fish", meal + "|Meat|Veal"), List.of());
    }

    @Test
    void skipsAndCountsMalformedMessagesAndUnknownTypes() {
        deserialize("not json".getBytes(StandardCharsets.UTF_8));
        deserialize("{\"type\":\"RSVP_ANSWERED\"}".getBytes(StandardCharsets.UTF_8));
        deserialize(null);
        deserialize(envelope("RSVP_ANSWERED", "{\"response\":\"PERHAPS\"}"));
        deserialize(envelope("TELEPORTED", "{}"));
        deserialize(envelope("RSVP_ANSWERED",
                "{\"response\":\"YES\",\"plusOnes\":0,\"answerVersion\":1,\"choices\":[{\"guest\":0}]}"));
        deserialize(envelope("INVITATION_OPENED", "null"));

        assertThat(out).isEmpty();
        assertThat(counters.get(ActivityDeserializer.MALFORMED_METRIC).getCount()).isEqualTo(6);
        assertThat(counters.get(ActivityDeserializer.UNKNOWN_TYPE_METRIC).getCount()).isEqualTo(1);
    }

    @Test
    void keepsKnownNonEngagementTypes() {
        deserialize(envelope("REMINDER_SENT", "{\"reminderKind\":\"unanswered\",\"channel\":\"email\"}"));

        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(ActivityType.REMINDER_SENT);
            assertThat(a.response()).isNull();
        });
    }

    private byte[] envelope(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"aggregateType":"invitation","aggregateId":"%s",
                 "partyEventId":"%s","occurredAt":"2026-01-02T03:04:05Z","payload":%s}
                """.formatted(UUID.randomUUID(), type, UUID.randomUUID(), UUID.randomUUID(), payload)
                .getBytes(StandardCharsets.UTF_8);
    }

    private void deserialize(byte[] value) {
        deserializer.deserialize(new ConsumerRecord<>("t", 0, 0, null, value), new Collector<>() {
            @Override
            public void collect(ActivityEvent record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        });
    }
}
