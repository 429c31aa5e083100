package io.inviteflow.core.support;

import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

/** A guest's name as the database holds it: sealed, opened here; or plain (an erased guest's "Erased guest"). */
public final class StoredGuestNames {

    private StoredGuestNames() {
    }

    /** The name, or null when the row holds none that opens. */
    public static String of(JdbcClient jdbc, PersonalText text, UUID invitation) {
        Map<String, Object> row = jdbc.sql("SELECT guest_name, guest_name_sealed FROM invitation WHERE id = :id")
                .param("id", invitation).query().singleRow();
        byte[] sealed = (byte[]) row.get("guest_name_sealed");
        return sealed == null ? (String) row.get("guest_name")
                : text.open(PersonalText.personKey(invitation), PersonalText.NAME, sealed).orElse(null);
    }
}
