package io.inviteflow.batch.message;

import io.inviteflow.batch.push.PushMessage;
import io.inviteflow.batch.push.PushWriter;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderWriter;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import java.util.List;
import java.util.Objects;

/**
 * Sends a chunk's messages (reminders, campaigns): the pushes (quick, each to the person's browsers), then the mails
 * side by side. Each goes through the delivery ledger, so a chunk repeated after a failure sends only what did not go
 * out.
 */
public class OutgoingWriter implements ItemWriter<Outgoing> {

    private final ReminderWriter mails;
    private final PushWriter pushes;

    public OutgoingWriter(ReminderWriter mails, PushWriter pushes) {
        this.mails = mails;
        this.pushes = pushes;
    }

    @Override
    public void write(Chunk<? extends Outgoing> chunk) {
        List<PushMessage> push = chunk.getItems().stream().map(Outgoing::push)
                .filter(Objects::nonNull).toList();
        pushes.deliver(push);
        List<Reminder> email = chunk.getItems().stream().map(Outgoing::email)
                .filter(Objects::nonNull).toList();
        mails.write(new Chunk<>(email));
    }
}
