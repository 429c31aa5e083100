package io.inviteflow.batch.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

import java.util.List;

/**
 * Before each run's step, publishes the REMINDER_SENT activities of reminders that were mailed but whose activity
 * never got acknowledged (a run died between the two). Done here, not by the reader, because the reader only sees
 * guests who are still pending: one who answered since would otherwise never get their activity published.
 */
public class UnpublishedRemindersListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(UnpublishedRemindersListener.class);
    private final ReminderDeliveries deliveries;
    private final ReminderActivities activities;
    private final String kind;

    public UnpublishedRemindersListener(ReminderDeliveries deliveries, ReminderActivities activities, String kind) {
        this.deliveries = deliveries;
        this.activities = activities;
        this.kind = kind;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        List<ReminderActivities.Sent> pending = deliveries.sentNotPublished(kind);
        if (!pending.isEmpty()) {
            log.info("publishing {} REMINDER_SENT activities left over by an earlier run", pending.size());
            activities.publish(pending);
            deliveries.markPublished(pending);
        }
    }
}
