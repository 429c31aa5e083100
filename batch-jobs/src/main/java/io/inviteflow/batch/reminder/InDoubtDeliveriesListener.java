package io.inviteflow.batch.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Reports deliveries stuck in {@code claimed} (a crash between claim and send confirmation) in the step's exit
 * description, the execution context ({@value #KEY}) and the log. They are never resent automatically: a person
 * decides (see README).
 */
public class InDoubtDeliveriesListener implements StepExecutionListener {

    static final String KEY = "remindersInDoubt";
    private static final Logger log = LoggerFactory.getLogger(InDoubtDeliveriesListener.class);
    private final ReminderDeliveries deliveries;
    private final String kind;

    public InDoubtDeliveriesListener(ReminderDeliveries deliveries, String kind) {
        this.deliveries = deliveries;
        this.kind = kind;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long inDoubt = deliveries.countInDoubt(kind);
        stepExecution.getExecutionContext().putLong(KEY, inDoubt);
        if (inDoubt == 0) {
            return stepExecution.getExitStatus();
        }
        log.warn("{} '{}' reminder(s) are in doubt: claimed but never confirmed sent; they will not be resent. "
                + "SELECT * FROM reminder_delivery WHERE status = 'claimed'", inDoubt, kind);
        return stepExecution.getExitStatus().addExitDescription(inDoubt + " reminder(s) in doubt, not resent");
    }
}
