package io.inviteflow.batch.scheduled;

import io.inviteflow.batch.push.PushMessage;
import io.inviteflow.batch.push.PushWriter;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderWriter;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import java.util.List;
import java.util.Objects;

/**
 * Sends a chunk's reminders: the pushes (quick, each to the guest's browsers), then the mails side by side. Each
 * goes through the delivery ledger, so a chunk repeated after a failure sends only what did not go out.
 */
public class ScheduledReminderWriter implements ItemWriter<ScheduledReminderProcessor.Outgoing> {

    private final ReminderWriter mails;
    private final PushWriter pushes;

    public ScheduledReminderWriter(ReminderWriter mails, PushWriter pushes) {
        this.mails = mails;
        this.pushes = pushes;
    }

    @Override
    public void write(Chunk<? extends ScheduledReminderProcessor.Outgoing> chunk) {
        List<PushMessage> push = chunk.getItems().stream().map(ScheduledReminderProcessor.Outgoing::push)
                .filter(Objects::nonNull).toList();
        pushes.deliver(push);
        List<Reminder> email = chunk.getItems().stream().map(ScheduledReminderProcessor.Outgoing::email)
                .filter(Objects::nonNull).toList();
        mails.write(new Chunk<>(email));
    }
}
