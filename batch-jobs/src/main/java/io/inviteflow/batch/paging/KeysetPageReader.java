package io.inviteflow.batch.paging;

import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.ItemStreamSupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Reads a core API page by page (keyset paging by id) and remembers, in the step's {@link ExecutionContext}, the id of
 * the last item it handed out. Spring Batch saves that context in the same transaction as each chunk, so a restarted
 * execution resumes right after the last committed chunk.
 * <p>
 * Not thread-safe: one instance per step execution (step-scoped beans).
 */
public abstract class KeysetPageReader<T> extends ItemStreamSupport implements ItemStreamReader<T> {

    public static final String LAST_ID = "lastInvitationId";

    /** @param next where the following page starts; null on the last page */
    public record Page<T>(List<T> items, UUID next) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    private final Deque<T> buffer = new ArrayDeque<>();
    /** Last id handed out by {@link #read()}: what {@link #update} saves. */
    private UUID lastHandedOut;
    /** Where the next page starts; null before the first page or when there is no next page. */
    private UUID nextPageAfter;
    private boolean exhausted;

    protected KeysetPageReader(String name) {
        setName(name);
    }

    /** The page after {@code after} (null: from the start). */
    protected abstract Page<T> page(UUID after);

    protected abstract UUID idOf(T item);

    @Override
    public void open(ExecutionContext context) {
        String key = getExecutionContextKey(LAST_ID);
        lastHandedOut = context.containsKey(key) ? UUID.fromString(context.getString(key)) : null;
        nextPageAfter = lastHandedOut;
        buffer.clear();
        exhausted = false;
    }

    @Override
    public T read() {
        if (buffer.isEmpty() && !exhausted) {
            Page<T> page = page(nextPageAfter);
            buffer.addAll(page.items());
            nextPageAfter = page.next();
            exhausted = page.next() == null;
        }
        T item = buffer.poll();
        if (item != null) {
            lastHandedOut = idOf(item);
        }
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastHandedOut != null) {
            context.putString(getExecutionContextKey(LAST_ID), lastHandedOut.toString());
        }
    }
}
