package io.inviteflow.batch.reminder;

import org.junit.jupiter.api.Test;
import org.springframework.batch.item.ExecutionContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PendingInvitationReaderTest {

    /** Ten invitations with ascending ids, paged like the core does (next = last id of a full page). */
    static final class FakeCore extends PendingInvitationsClient {
        final List<PendingInvitation> all = IntStream.rangeClosed(1, 10).mapToObj(i -> new PendingInvitation(
                new UUID(0, i), new UUID(1, 1), "Party", OffsetDateTime.parse("2027-06-12T16:00:00Z"),
                "Europe/Berlin", "Guest " + i, "g" + i + "@example.org", "http://x/i/" + i, null)).toList();
        final List<UUID> requestedAfter = new ArrayList<>();

        FakeCore() {
            super(null);
        }

        @Override
        public Page page(UUID after, UUID eventId, java.time.Instant invitedBefore, int limit) {
            requestedAfter.add(after);
            List<PendingInvitation> items = all.stream()
                    .filter(i -> after == null || i.invitationId().compareTo(after) > 0).limit(limit).toList();
            return new Page(items, items.size() < limit ? null : items.get(items.size() - 1).invitationId());
        }
    }

    private final FakeCore core = new FakeCore();

    private PendingInvitationReader reader() {
        return PendingInvitationReader.builder().name("reader").client(core).pageSize(4).build();
    }

    @Test
    void readsAllPagesInIdOrder() {
        var reader = reader();
        reader.open(new ExecutionContext());

        List<UUID> read = drain(reader);

        assertThat(read).isEqualTo(core.all.stream().map(PendingInvitation::invitationId).toList());
        assertThat(core.requestedAfter).containsExactly(null, new UUID(0, 4), new UUID(0, 8));
    }

    @Test
    void aRestartResumesAfterTheLastSavedInvitation() {
        var context = new ExecutionContext();
        var first = reader();
        first.open(context);
        for (int i = 0; i < 6; i++) {
            first.read();
        }
        first.update(context);   // what Spring Batch does at a chunk commit
        first.read();            // read but never committed: must come again

        var restarted = reader();
        restarted.open(context);

        assertThat(context.getString("reader.lastInvitationId")).isEqualTo(new UUID(0, 6).toString());
        assertThat(drain(restarted)).containsExactly(new UUID(0, 7), new UUID(0, 8), new UUID(0, 9), new UUID(0, 10));
    }

    private static List<UUID> drain(PendingInvitationReader reader) {
        List<UUID> ids = new ArrayList<>();
        for (PendingInvitation item = reader.read(); item != null; item = reader.read()) {
            ids.add(item.invitationId());
        }
        return ids;
    }
}
