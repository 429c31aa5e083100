package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A viral burst on the guest side: 1,000 guests at once, each opening their invitation page and answering, with no
 * pause, for 30 s. Then reads the activity topic back and checks that every answer the core accepted is there, once.
 * Appends its section to docs/benchmarks.md.
 */
public final class GuestBurstBenchmark {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile";
    private static final String[] ANSWERS = {"YES", "YES", "YES", "NO", "MAYBE"};

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        URI core = URI.create(args.get("core", "http://127.0.0.1:8081"));
        int guests = args.getInt("guests", 1_000);
        int seconds = args.getInt("seconds", 30);
        int invitations = args.getInt("invitations", 40_000);

        CoreClient organizer = CoreClient.newOrganizer(core, GreenMailLinks.api(args), "burst");
        String eventId = organizer.createEvent(CoreClient.JSON.createObjectNode()
                .put("title", "Viral launch " + UUID.randomUUID())
                .put("startsAt", OffsetDateTime.now().plusDays(14).toString()).put("timeZone", "Europe/Berlin")
                .put("template", "party"));
        System.out.printf("inviting %,d guests…%n", invitations);
        List<String> tokens = organizer.inviteNamed(eventId, invitations, "Guest");

        try (KafkaConsumer<String, byte[]> topic = consumer(args.get("bootstrap", "127.0.0.1:9092"))) {
            List<TopicPartition> partitions = topic.partitionsFor(args.get("topic", "inviteflow.activity.v1")).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            topic.assign(partitions);
            topic.seekToEnd(partitions);
            partitions.forEach(topic::position); // fixes the starting offsets before the burst

            System.out.printf("burst: %,d guests opening and answering for %d s…%n", guests, seconds);
            CpuShare cpu = CpuShare.start();
            Burst burst = burst(new CoreClient(core), tokens, guests, seconds);
            CpuShare.Split split = cpu.stop();
            System.out.println("reading the answers back from Kafka…");
            Map<UUID, Integer> answers = answersOnKafka(topic, UUID.fromString(eventId), burst.accepted.get());
            long duplicates = answers.values().stream().filter(n -> n > 1).count();

            String section = String.format(Locale.ROOT, """

                    ## Guest side: a viral burst (`%s`)

                    %,d guests at once, each opening an invitation page (`GET /i/{token}`, an open recorded with its
                    activity) and answering it (`POST /api/v1/invitations/{token}/rsvp`) with no pause, for %d s; every
                    guest has an own invitation (%,d issued), so the per-invitation rate limit never applies.

                    | what | result |
                    |---|---|
                    | requests | %,d in %d s: **%,.0f requests/s** |
                    | all requests | p50 %.1f ms, **p99 %.1f ms**, max %.1f ms |
                    | page opens | %,d; p50 %.1f ms, p99 %.1f ms |
                    | answers | %,d accepted, %,d refused; p50 %.1f ms, p99 %.1f ms |
                    | answers on Kafka afterwards | %,d distinct RSVP_ANSWERED activities of the event (%,d delivered more than once) |
                    | CPU of the machine during the burst | %.0f %% busy: load generator %.0f %%, the stack (core, PostgreSQL, Kafka, …) %.0f %% |
                    | the stack's CPU per request | %.2f ms (so two cores of its own would serve about %,.0f requests/s) |

                    The %,d guests are asynchronous request chains in one load-generator JVM (HTTP/1.1, one
                    connection per guest) on the same two cores as the core, PostgreSQL, Kafka and the rest of the
                    stack.
                    """,
                    args.get("command", "./inviteflow bench"), guests, seconds, tokens.size(),
                    burst.all.getTotalCount(), seconds, burst.all.getTotalCount() / (double) seconds,
                    ms(burst.all, 50), ms(burst.all, 99), burst.all.getMaxValue() / 1000.0,
                    burst.opens.getTotalCount(), ms(burst.opens, 50), ms(burst.opens, 99),
                    burst.accepted.get(), burst.refused.get(), ms(burst.answers, 50), ms(burst.answers, 99),
                    answers.size(), duplicates,
                    split.busyPercent(), split.loadGeneratorPercent(), split.stackPercent(),
                    split.stackCpuMillis() / burst.all.getTotalCount(),
                    2_000.0 / (split.stackCpuMillis() / burst.all.getTotalCount()),
                    guests);
            if (answers.size() != burst.accepted.get()) {
                section += String.format(Locale.ROOT, "%n**Mismatch: %,d answers accepted, %,d on Kafka.**%n",
                        burst.accepted.get(), answers.size());
            }
            Files.writeString(Path.of(args.get("out", "docs/benchmarks.md")), section, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.println(section);
        }
    }

    private record Burst(Histogram all, Histogram opens, Histogram answers, AtomicLong accepted,
                         AtomicLong refused) {
    }

    /**
     * Closed loop without think time: each guest takes the next unused invitation, opens it, answers it, and goes on.
     * Guests are asynchronous request chains, not threads, so the load generator takes little of the CPU it measures.
     */
    private static Burst burst(CoreClient client, List<String> tokens, int guests, int seconds)
            throws InterruptedException {
        Burst burst = new Burst(histogram(), histogram(), histogram(), new AtomicLong(), new AtomicLong());
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(guests);
        for (int g = 0; g < guests; g++) {
            guest(client, tokens, next, end, burst, new Random(g), done);
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        return burst;
    }

    /** One guest: open, then answer, then the next invitation, until the time is up. */
    private static void guest(CoreClient client, List<String> tokens, AtomicInteger next, long end, Burst burst,
                              Random random, java.util.concurrent.CountDownLatch done) {
        int i;
        if (System.nanoTime() >= end || (i = next.getAndIncrement()) >= tokens.size()) {
            done.countDown();
            return;
        }
        String token = tokens.get(i);
        String response = ANSWERS[random.nextInt(ANSWERS.length)];
        int plusOnes = "NO".equals(response) ? 0 : random.nextInt(3);
        long opened = System.nanoTime();
        client.openAsync(token, PHONE).thenCompose(openCode -> {
            record(burst, burst.opens, opened);
            if (openCode != 200) {
                burst.refused.incrementAndGet();
            }
            long answered = System.nanoTime();
            return client.answerAsync(token, response, plusOnes).thenAccept(code -> {
                record(burst, burst.answers, answered);
                (code == 200 ? burst.accepted : burst.refused).incrementAndGet();
            });
        }).whenComplete((ok, error) -> guest(client, tokens, next, end, burst, random, done));
    }

    private static void record(Burst burst, Histogram which, long sentNanos) {
        long micros = (System.nanoTime() - sentNanos) / 1_000;
        synchronized (burst) {
            which.recordValue(Math.min(micros, which.getHighestTrackableValue()));
            burst.all.recordValue(Math.min(micros, burst.all.getHighestTrackableValue()));
        }
    }

    /** RSVP_ANSWERED activities of the event, counted per activity id, until {@code expected} are in (or 90 s). */
    private static Map<UUID, Integer> answersOnKafka(KafkaConsumer<String, byte[]> topic, UUID eventId,
                                                     long expected) {
        ActivityCodec codec = new ActivityCodec();
        Map<UUID, Integer> seen = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (seen.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : topic.poll(Duration.ofMillis(500))) {
                Activity a;
                try {
                    a = codec.fromJson(record.value());
                } catch (ActivityCodec.MalformedActivityException e) {
                    continue;
                }
                if (a.type() == ActivityType.RSVP_ANSWERED && eventId.equals(a.partyEventId())) {
                    seen.merge(a.eventId(), 1, Integer::sum);
                }
            }
        }
        return seen;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p);
    }

    private static Histogram histogram() {
        return new Histogram(60_000_000L, 3);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
