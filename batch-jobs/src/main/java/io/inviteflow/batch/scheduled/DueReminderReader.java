package io.inviteflow.batch.scheduled;

import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.ItemStreamSupport;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the reminders due in the run's window from the core, page by page, and keeps the position of the last one
 * handed out ({@code <rule>:<invitation>}) in the step's execution context, saved with each chunk: a restarted run
 * resumes after the last committed chunk. Not thread-safe: one per step execution.
 */
public class DueReminderReader extends ItemStreamSupport implements ItemStreamReader<DueReminder> {

    static final String LAST = "lastDueReminder";

    private final DueRemindersClient core;
    private final Instant from;
    private final Instant to;
    private final int pageSize;
    private final Deque<DueReminder> buffer = new ArrayDeque<>();
    private String lastHandedOut;
    private String nextPageAfter;
    private boolean exhausted;

    public DueReminderReader(DueRemindersClient core, Instant from, Instant to, int pageSize) {
        this.core = core;
        this.from = from;
        this.to = to;
        this.pageSize = pageSize;
        setName("dueReminderReader");
    }

    @Override
    public void open(ExecutionContext context) {
        String key = getExecutionContextKey(LAST);
        lastHandedOut = context.containsKey(key) ? context.getString(key) : null;
        nextPageAfter = lastHandedOut;
        buffer.clear();
        exhausted = false;
    }

    @Override
    public DueReminder read() {
        if (buffer.isEmpty() && !exhausted) {
            DueRemindersClient.Page page = core.page(from, to, nextPageAfter, pageSize);
            buffer.addAll(page.items());
            nextPageAfter = page.next();
            exhausted = page.next() == null;
        }
        DueReminder next = buffer.poll();
        if (next != null) {
            lastHandedOut = next.ruleId() + ":" + next.invitationId();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastHandedOut != null) {
            context.putString(getExecutionContextKey(LAST), lastHandedOut);
        }
    }
}
