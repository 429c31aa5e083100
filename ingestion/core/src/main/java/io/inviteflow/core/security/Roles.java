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
 * organizer. An operator grants it ({@code ./inviteflow grant-admin <address>}), or lists the address in
 * {@code inviteflow.security.admins}: a listed address counts once its owner has confirmed it (the link mailed at
 * sign-up) — else anyone could sign up with a listed address before its owner does — or at once where
 * {@code inviteflow.security.trust-configured-admins} is on (the local stack, whose mail nobody reads, and the tests).
 */
@Component
public class Roles {

    public static final String ADMIN = "ADMIN";
    private final JdbcClient jdbc;
    private final Set<String> configuredAdmins;
    private final boolean trustConfigured;

    Roles(JdbcClient jdbc, @Value("${inviteflow.security.admins:}") List<String> admins,
          @Value("${inviteflow.security.trust-configured-admins:false}") boolean trustConfigured) {
        this.jdbc = jdbc;
        this.configuredAdmins = admins.stream().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.trustConfigured = trustConfigured;
    }

    public boolean isAdmin(UUID organizerId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM organizer_role WHERE organizer_id = :id AND role = :role)
                            OR EXISTS (SELECT 1 FROM organizer WHERE id = :id AND email_normalized IN (:configured)
                                       AND (:trust OR email_verified_at IS NOT NULL))""")
                .param("id", organizerId).param("role", ADMIN).param("trust", trustConfigured)
                // IN () is not SQL: an address no account can have stands for "nobody"
                .param("configured", configuredAdmins.isEmpty() ? List.of("") : List.copyOf(configuredAdmins))
                .query(Boolean.class).single();
    }

    /** @throws org.springframework.web.ErrorResponseException 403 for anyone but an admin */
    public void requireAdmin(AuthenticatedOrganizer organizer) {
        if (!isAdmin(organizer.id())) {
            throw Problems.forbidden("only admins may do this");
        }
    }
}
