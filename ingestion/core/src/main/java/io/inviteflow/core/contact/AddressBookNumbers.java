package io.inviteflow.core.contact;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

/**
 * The address books' numbers ({@code contact_book_version}, V49), taken before any contact row by whatever changes
 * contacts: an import and an erasure touching the same book would otherwise each hold what the other waits for (the
 * triggers take the number after the rows). Taking one grows it, and holds it to the transaction's end.
 */
public final class AddressBookNumbers {

    private static final String BUMP = "INSERT INTO contact_book_version AS v (organizer_id, version) %s "
            + "ON CONFLICT (organizer_id) DO UPDATE SET version = v.version + 1";

    private AddressBookNumbers() {
    }

    public static void lockBook(JdbcClient jdbc, UUID organizerId) {
        jdbc.sql(BUMP.formatted("VALUES (:id, 1)")).param("id", organizerId).update();
    }

    /** The books these contacts are in, in one order for everyone. */
    public static void lockBooksOf(JdbcClient jdbc, List<UUID> contactIds) {
        if (!contactIds.isEmpty()) {
            jdbc.sql(BUMP.formatted("SELECT DISTINCT organizer_id, 1 FROM contact WHERE id = ANY(:ids) "
                    + "ORDER BY organizer_id")).param("ids", contactIds.toArray(UUID[]::new)).update();
        }
    }
}
