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

    ExpectedEngagement(List<Activity> sent) {
        sent.forEach(this::add);
    }

    @SuppressWarnings("unchecked")
    private void add(Activity a) {
        eventIds.add(a.eventId());
        UUID event = a.partyEventId();
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

    /** {@code event_id minute(epoch s) opens answers}, sorted by event_id, minute. */
    List<String> minuteRows() {
        return minuteEventIds.entrySet().stream()
                .map(e -> e.getKey() + "\t" + e.getValue()[0].size() + "\t" + e.getValue()[1].size())
                .sorted().toList();
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
