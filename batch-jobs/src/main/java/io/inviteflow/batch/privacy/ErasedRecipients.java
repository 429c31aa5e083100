package io.inviteflow.batch.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Makes the delivery ledger forget erased guests: it keeps that their invitations were reminded or confirmed (so
 * nobody is mailed twice) but no longer the address it went to, nor the mail server's words about it. Idempotent.
 */
@Component
public class ErasedRecipients {

    /** What the ledger keeps instead of an address. */
    public static final String ERASED = "erased";

    private final JdbcClient jdbc;

    ErasedRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void forget(List<UUID> invitations) {
        if (invitations == null || invitations.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE reminder_delivery SET recipient = :erased, last_error = NULL "
                        + "WHERE invitation_id IN (:ids) AND recipient <> :erased")
                .param("erased", ERASED).param("ids", invitations).update();
    }
}
