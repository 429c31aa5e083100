package io.inviteflow.core.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.outbox.ActivitiesRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns recorded activities into webhook deliveries, in the activity's own transaction: a delivery exists exactly
 * when its activity does. Only answer, waitlist and event-change activities are offered (an invitation sent to five
 * thousand guests is not five thousand webhook calls).
 */
@Component
class WebhookRecorder {

    static final Set<ActivityType> SUBSCRIBABLE = EnumSet.of(ActivityType.RSVP_ANSWERED, ActivityType.WAITLIST_JOINED,
            ActivityType.WAITLIST_PROMOTED, ActivityType.EVENT_UPDATED, ActivityType.EVENT_RESCHEDULED,
            ActivityType.EVENT_CANCELLED);

    private final WebhookRepository repository;
    private final ObjectMapper json;

    WebhookRecorder(WebhookRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @EventListener
    void recorded(ActivitiesRecorded recorded) {
        List<WebhookRepository.NewDelivery> deliveries = new ArrayList<>();
        for (Activity activity : recorded.activities()) {
            if (!SUBSCRIBABLE.contains(activity.type())) {
                continue;
            }
            List<WebhookRepository.Endpoint> endpoints = repository.subscribers(activity.partyEventId(),
                    activity.type().name());
            for (WebhookRepository.Endpoint endpoint : endpoints) {
                deliveries.add(new WebhookRepository.NewDelivery(UUID.randomUUID(), endpoint.id(),
                        activity.eventId(), activity.type().name(), body(activity)));
            }
        }
        if (!deliveries.isEmpty()) {
            repository.insertDeliveries(deliveries);
        }
    }

    /** What the receiver gets: the activity, with {@code id} to deduplicate on. */
    private String body(Activity a) {
        ObjectNode body = json.createObjectNode()
                .put("id", a.eventId().toString())
                .put("type", a.type().name())
                .put("occurredAt", a.occurredAt().toString())
                .put("eventId", a.partyEventId().toString())
                .put(a.aggregateType().equals("invitation") ? "invitationId" : "subjectId", a.aggregateId().toString());
        body.set("data", a.payload());
        return body.toString();
    }
}
