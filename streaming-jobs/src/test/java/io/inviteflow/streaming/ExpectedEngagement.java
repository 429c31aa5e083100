package io.inviteflow.streaming;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The figures the job must end with, computed the obvious way from the list of sent activities (no Flink, none of the
 * job's classes), rendered as the tab-separated lines ClickHouse answers with.
 */
final class ExpectedEngagement {

    private record Answer(long version, Payloads.Rsvp response, int plusOnes) {
    }

    private final ActivityCodec codec = new ActivityCodec();
    private final Map<UUID, Set<UUID>> invitedByEvent = new HashMap<>();
    private final Map<UUID, Set<UUID>> openedByEvent = new HashMap<>();
    private final Map<UUID, Map<UUID, Answer>> answersByEvent = new HashMap<>();
    private final Map<String, Set<UUID>[]> minuteEventIds = new TreeMap<>();
    private final Set<UUID> eventIds = new LinkedHashSet<>();
    private final Map<UUID, Long> createdAt = new HashMap<>();
    private final Map<UUID, Long> firstOpenAt = new HashMap<>();
    private final Map<UUID, Long> firstAnswerAt = new HashMap<>();
    /** event → "metric\tchannel|weekday|hour" → distinct eventIds (every open, every answer) */
    private final Map<UUID, Map<String, Set<UUID>>> byHour = new HashMap<>();

    ExpectedEngagement(List<Activity> sent) {
        sent.forEach(this::add);
    }

    @SuppressWarnings("unchecked")
    private void add(Activity a) {
        eventIds.add(a.eventId());
        UUID event = a.partyEventId();
        long at = a.occurredAt().toEpochMilli();
        switch (a.type()) {
            case INVITATION_CREATED -> createdAt.putIfAbsent(a.aggregateId(), at);
            case INVITATION_OPENED -> firstOpenAt.merge(a.aggregateId(), at, Math::min);
            case RSVP_ANSWERED -> firstAnswerAt.merge(a.aggregateId(), at, Math::min);
            default -> {
            }
        }
        if (a.type() == ActivityType.INVITATION_OPENED || a.type() == ActivityType.RSVP_ANSWERED) {
            var utc = a.occurredAt().atZone(java.time.ZoneOffset.UTC);
            String metric = a.type() == ActivityType.INVITATION_OPENED ? "opens_by_hour" : "answers_by_hour";
            // no open in this data came through a message, so every open and answer is on the invitation link
            byHour.computeIfAbsent(event, e -> new HashMap<>())
                    .computeIfAbsent(metric + "\tlink|" + utc.getDayOfWeek().getValue() + "|" + utc.getHour(),
                            k -> new HashSet<>()).add(a.eventId());
        }
        switch (a.type()) {
            case INVITATION_CREATED -> invitedByEvent.computeIfAbsent(event, e -> new HashSet<>()).add(a.aggregateId());
            case INVITATION_OPENED -> openedByEvent.computeIfAbsent(event, e -> new HashSet<>()).add(a.aggregateId());
            case RSVP_ANSWERED -> {
                Payloads.RsvpAnswered p = codec.payloadAs(a, Payloads.RsvpAnswered.class);
                // the highest version wins; an equal version is a redelivery and the first one stays
                answersByEvent.computeIfAbsent(event, e -> new HashMap<>()).merge(a.aggregateId(),
                        new Answer(p.answerVersion(), p.response(), p.plusOnes()),
                        (old, neu) -> neu.version() > old.version() ? neu : old);
            }
            default -> {
                return;
            }
        }
        if (a.type() != ActivityType.INVITATION_CREATED) {
            long minute = Math.floorDiv(a.occurredAt().toEpochMilli(), 60_000L) * 60;
            Set<UUID>[] ids = minuteEventIds.computeIfAbsent(event + "\t" + minute,
                    k -> new Set[]{new HashSet<>(), new HashSet<>()});
            ids[a.type() == ActivityType.INVITATION_OPENED ? 0 : 1].add(a.eventId());
        }
    }

    /** {@code event_id invited opened yes no maybe headcount}, sorted by event_id. */
    List<String> engagementRows() {
        Set<UUID> events = new HashSet<>(invitedByEvent.keySet());
        events.addAll(openedByEvent.keySet());
        events.addAll(answersByEvent.keySet());
        return events.stream().map(UUID::toString).sorted().map(id -> {
            UUID e = UUID.fromString(id);
            Map<UUID, Answer> answers = answersByEvent.getOrDefault(e, Map.of());
            long yes = count(answers, Payloads.Rsvp.YES);
            long headcount = answers.values().stream().filter(x -> x.response() == Payloads.Rsvp.YES)
                    .mapToLong(x -> 1L + x.plusOnes()).sum();
            return String.join("\t", id, n(invitedByEvent.getOrDefault(e, Set.of()).size()),
                    n(openedByEvent.getOrDefault(e, Set.of()).size()), n(yes),
                    n(count(answers, Payloads.Rsvp.NO)), n(count(answers, Payloads.Rsvp.MAYBE)), n(headcount));
        }).toList();
    }

    /**
     * {@code event_id metric dimension value} of every non-zero event counter of {@code engagement_totals}, sorted:
     * the funnel, the answers, times to open and answer (the data opens 25 s and answers about 30 s after the
     * invitation: all in the first bucket, "under 60 s"), opens and answers per minute and by hour of the week.
     */
    List<String> eventTotalRows() {
        List<String> rows = new java.util.ArrayList<>();
        Map<UUID, UUID> eventOf = new HashMap<>();
        invitedByEvent.forEach((e, ids) -> ids.forEach(i -> eventOf.put(i, e)));
        for (String line : engagementRows()) {
            String[] f = line.split("\t");
            String[] names = {"invited", "opened", "yes", "no", "maybe", "headcount"};
            for (int i = 0; i < names.length; i++) {
                rows.add(String.join("\t", f[0], names[i], "", f[i + 1]));
            }
            Map<UUID, Answer> answers = answersByEvent.getOrDefault(UUID.fromString(f[0]), Map.of());
            rows.add(String.join("\t", f[0], "answered", "", n(answers.size())));
            rows.add(String.join("\t", f[0], "time_to_open", "60",
                    n(underAMinute(firstOpenAt, UUID.fromString(f[0]), eventOf))));
            rows.add(String.join("\t", f[0], "time_to_answer", "60",
                    n(underAMinute(firstAnswerAt, UUID.fromString(f[0]), eventOf))));
        }
        byHour.forEach((event, slots) -> slots.forEach((slot, ids) ->
                rows.add(String.join("\t", event.toString(), slot, n(ids.size())))));
        minuteEventIds.forEach((eventAndMinute, ids) -> {
            String[] k = eventAndMinute.split("\t");
            rows.add(String.join("\t", k[0], "opens_by_minute", k[1], n(ids[0].size())));
            rows.add(String.join("\t", k[0], "answers_by_minute", k[1], n(ids[1].size())));
        });
        return rows.stream().filter(r -> !r.endsWith("\t0")).sorted().toList();
    }

    /** Invitations of {@code event} whose first open (or answer) came less than a minute after their creation. */
    private long underAMinute(Map<UUID, Long> first, UUID event, Map<UUID, UUID> eventOf) {
        return first.entrySet().stream().filter(e -> event.equals(eventOf.get(e.getKey())))
                .filter(e -> createdAt.containsKey(e.getKey()))
                .filter(e -> e.getValue() - createdAt.get(e.getKey()) < 60_000).count();
    }

    long distinctActivities() {
        return eventIds.size();
    }

    private static long count(Map<UUID, Answer> answers, Payloads.Rsvp response) {
        return answers.values().stream().filter(a -> a.response() == response).count();
    }

    private static String n(long v) {
        return Long.toString(v);
    }
}
