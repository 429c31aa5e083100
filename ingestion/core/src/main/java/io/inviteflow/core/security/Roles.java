package io.inviteflow.core.security;

import io.inviteflow.core.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Roles stored with an account ({@code organizer_role}). ADMIN handles people's requests about their data across every
 * organizer. An operator grants it ({@code ./inviteflow grant-admin <address>}: an account that exists, whose owner
 * the operator knows). The configured addresses ({@code inviteflow.security.admins}) count as admins only where
 * {@code inviteflow.security.trust-configured-admins} says so — the local stack and the tests: sign-up does not verify
 * addresses, so elsewhere anyone could sign up with a listed address before its owner does.
 */
@Component
public class Roles {

    public static final String ADMIN = "ADMIN";
    private final JdbcClient jdbc;
    private final Set<String> trustedAdmins;

    Roles(JdbcClient jdbc, @Value("${inviteflow.security.admins:}") List<String> admins,
          @Value("${inviteflow.security.trust-configured-admins:false}") boolean trustConfigured) {
        this.jdbc = jdbc;
        this.trustedAdmins = !trustConfigured ? Set.of() : admins.stream().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(UUID organizerId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM organizer_role WHERE organizer_id = :id AND role = :role)
                            OR EXISTS (SELECT 1 FROM organizer WHERE id = :id AND email_normalized IN (:trusted))""")
                .param("id", organizerId).param("role", ADMIN)
                // IN () is not SQL: an address no account can have stands for "nobody"
                .param("trusted", trustedAdmins.isEmpty() ? List.of("") : List.copyOf(trustedAdmins))
                .query(Boolean.class).single();
    }

    /** @throws org.springframework.web.ErrorResponseException 403 for anyone but an admin */
    public void requireAdmin(AuthenticatedOrganizer organizer) {
        if (!isAdmin(organizer.id())) {
            throw Problems.forbidden("only admins may do this");
        }
    }
}
