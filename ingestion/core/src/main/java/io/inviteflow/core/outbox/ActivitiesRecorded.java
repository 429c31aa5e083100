package io.inviteflow.core.outbox;

import io.inviteflow.contract.Activity;

import java.util.List;

/**
 * Published inside the transaction that recorded these activities, so a listener's own writes (a webhook delivery)
 * commit or roll back with them.
 */
public record ActivitiesRecorded(List<Activity> activities) {
}
