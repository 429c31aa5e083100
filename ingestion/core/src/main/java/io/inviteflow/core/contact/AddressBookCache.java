package io.inviteflow.core.contact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Each organizer's address book opened and ordered once, kept while the book's number in the database
 * ({@code contact_book_version}, grown by triggers on every change, from any path and any core) stays the same: the
 * cards are sealed, so paging and searching would otherwise open the whole book on every request. What is kept is
 * the order, the lists each contact is on and, once a search asked for it, the text a search looks at; the page's
 * rows are read fresh. Kept ten minutes at most, so an erased person's name does not outlive the erasure by more.
 */
@Component
class AddressBookCache {

    /**
     * @param version the book's number when it was read
     * @param ordered the contacts' ids by name as people sort them
     * @param lists   the lists each contact is on (absent: none)
     */
    record Book(long version, List<UUID> ordered, Map<UUID, Set<UUID>> lists, SearchText search) {
    }

    /** Lower-case names and points' values per contact, made on the first search of a book. */
    static final class SearchText {
        private final Supplier<Map<UUID, String>> load;
        private volatile Map<UUID, String> text;

        SearchText(Supplier<Map<UUID, String>> load) {
            this.load = load;
        }

        Map<UUID, String> get() {
            Map<UUID, String> loaded = text;
            if (loaded == null) {
                synchronized (this) {
                    if (text == null) {
                        text = load.get();
                    }
                    loaded = text;
                }
            }
            return loaded;
        }
    }

    /** Books of more than this many contacts in all are evicted, the least used first. */
    private static final long CONTACTS_KEPT = 2_000_000;
    private static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Cache<UUID, Book> books = Caffeine.newBuilder()
            .maximumWeight(CONTACTS_KEPT).weigher((UUID organizer, Book book) -> Math.max(1, book.ordered().size()))
            .expireAfterWrite(KEPT_FOR).build();

    AddressBookCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The organizer's book as it is now: the one kept, when its number is still the book's, else {@code read} (which
     * reads the book after this has read its number, so a change in between only makes the next call read again).
     */
    Book of(UUID organizerId, java.util.function.LongFunction<Book> read) {
        long version = jdbc.sql("SELECT coalesce((SELECT version FROM contact_book_version "
                + "WHERE organizer_id = :org), 0)").param("org", organizerId).query(Long.class).single();
        Book kept = books.getIfPresent(organizerId);
        if (kept != null && kept.version() == version) {
            return kept;
        }
        Book book = read.apply(version);
        books.put(organizerId, book);
        return book;
    }
}
