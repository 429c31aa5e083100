package io.inviteflow.batch.reminder;

import io.inviteflow.batch.paging.KeysetPageReader;
import org.springframework.util.Assert;

import java.util.UUID;

/**
 * Reads the core's pending invitations page by page, restartable (see {@link KeysetPageReader}).
 */
public class PendingInvitationReader extends KeysetPageReader<PendingInvitation> {

    static final String LAST_ID = KeysetPageReader.LAST_ID;

    private final PendingInvitationsClient client;
    private final UUID eventId;
    private final java.time.Instant invitedBefore;
    private final int pageSize;

    PendingInvitationReader(String name, PendingInvitationsClient client, UUID eventId,
                            java.time.Instant invitedBefore, int pageSize) {
        super(name);
        this.client = client;
        this.eventId = eventId;
        this.invitedBefore = invitedBefore;
        this.pageSize = pageSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Page<PendingInvitation> page(UUID after) {
        PendingInvitationsClient.Page page = client.page(after, eventId, invitedBefore, pageSize);
        return new Page<>(page.items(), page.next());
    }

    @Override
    protected UUID idOf(PendingInvitation item) {
        return item.invitationId();
    }

    /** Builds a reader the way Spring Batch's own builders do: name, source, filter, page size. */
    public static final class Builder {
        private String name;
        private PendingInvitationsClient client;
        private UUID eventId;
        private java.time.Instant invitedBefore;
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

        /** Only invitations made before this moment (a guest is not reminded right after being invited). */
        public Builder invitedBefore(java.time.Instant invitedBefore) {
            this.invitedBefore = invitedBefore;
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
            return new PendingInvitationReader(name, client, eventId, invitedBefore, pageSize);
        }
    }
}
