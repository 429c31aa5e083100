package io.inviteflow.core.support;

import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

/** A guest's name or address as the database holds it: sealed, opened here; or plain (an erased guest's "Erased guest"). */
public final class StoredGuestNames {

    private StoredGuestNames() {
    }

    /** The name, or null when the row holds none that opens. */
    public static String of(JdbcClient jdbc, PersonalText text, UUID invitation) {
        return opened(jdbc, text, invitation, "guest_name", PersonalText.NAME);
    }

    /** The address, or null when the row holds none that opens. */
    public static String emailOf(JdbcClient jdbc, PersonalText text, UUID invitation) {
        return opened(jdbc, text, invitation, "guest_email", PersonalText.EMAIL);
    }

    private static String opened(JdbcClient jdbc, PersonalText text, UUID invitation, String column, String purpose) {
        Map<String, Object> row = jdbc.sql("SELECT %1$s, %1$s_sealed FROM invitation WHERE id = :id".formatted(column))
                .param("id", invitation).query().singleRow();
        byte[] sealed = (byte[]) row.get(column + "_sealed");
        return sealed == null ? (String) row.get(column)
                : text.open(PersonalText.personKey(invitation), purpose, sealed).orElse(null);
    }
}
