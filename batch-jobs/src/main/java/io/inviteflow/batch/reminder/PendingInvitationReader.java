package io.inviteflow.batch.reminder;

import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.ItemStreamSupport;
import org.springframework.util.Assert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Reads the core's pending invitations page by page (keyset paging by invitation id) and remembers, in the step's
 * {@link ExecutionContext}, the id of the last invitation it handed out. Spring Batch saves that context in the same
 * transaction as each chunk, so a restarted execution resumes right after the last committed chunk.
 * <p>
 * Not thread-safe: one instance per step execution (the bean is step-scoped).
 */
public class PendingInvitationReader extends ItemStreamSupport implements ItemStreamReader<PendingInvitation> {

    static final String LAST_ID = "lastInvitationId";

    private final PendingInvitationsClient client;
    private final UUID eventId;
    private final int pageSize;
    private final Deque<PendingInvitation> buffer = new ArrayDeque<>();
    /** Last id handed out by {@link #read()}: what {@link #update} saves. */
    private UUID lastHandedOut;
    /** Where the next page starts; null before the first page or when the core said there is no next page. */
    private UUID nextPageAfter;
    private boolean exhausted;

    PendingInvitationReader(String name, PendingInvitationsClient client, UUID eventId, int pageSize) {
        setName(name);
        this.client = client;
        this.eventId = eventId;
        this.pageSize = pageSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void open(ExecutionContext context) {
        String key = getExecutionContextKey(LAST_ID);
        lastHandedOut = context.containsKey(key) ? UUID.fromString(context.getString(key)) : null;
        nextPageAfter = lastHandedOut;
        buffer.clear();
        exhausted = false;
    }

    @Override
    public PendingInvitation read() {
        if (buffer.isEmpty() && !exhausted) {
            fetchPage();
        }
        PendingInvitation item = buffer.poll();
        if (item != null) {
            lastHandedOut = item.invitationId();
        }
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastHandedOut != null) {
            context.putString(getExecutionContextKey(LAST_ID), lastHandedOut.toString());
        }
    }

    private void fetchPage() {
        PendingInvitationsClient.Page page = client.page(nextPageAfter, eventId, pageSize);
        buffer.addAll(page.items());
        nextPageAfter = page.next();
        exhausted = page.next() == null;
    }

    /** Builds a reader the way Spring Batch's own builders do: name, source, filter, page size. */
    public static final class Builder {
        private String name;
        private PendingInvitationsClient client;
        private UUID eventId;
        private int pageSize = 100;

        /** Prefix of this reader's keys in the execution context; must be unique within the step. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder client(PendingInvitationsClient client) {
            this.client = client;
            return this;
        }

        /** Only this party event's invitations; null (the default) for all events. */
        public Builder eventId(UUID eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public PendingInvitationReader build() {
            Assert.hasText(name, "a name is required: it keys the restart state");
            Assert.notNull(client, "a client is required");
            Assert.isTrue(pageSize > 0 && pageSize <= 1000, "page size must be 1..1000 (the core's limit)");
            return new PendingInvitationReader(name, client, eventId, pageSize);
        }
    }
}
