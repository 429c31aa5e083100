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
 * organizer. The configured addresses ({@code inviteflow.security.admins}) bootstrap it: such an account gets the role
 * stored the first time it is asked for, so the roles live with the accounts and one list serves core and console.
 */
@Component
public class Roles {

    public static final String ADMIN = "ADMIN";
    private final JdbcClient jdbc;
    private final Set<String> configuredAdmins;

    Roles(JdbcClient jdbc, @Value("${inviteflow.security.admins:}") List<String> admins) {
        this.jdbc = jdbc;
        this.configuredAdmins = admins.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(UUID organizerId) {
        if (holds(organizerId, ADMIN)) {
            return true;
        }
        String email = jdbc.sql("SELECT email_normalized FROM organizer WHERE id = :id").param("id", organizerId)
                .query(String.class).optional().orElse(null);
        if (email == null || !configuredAdmins.contains(email)) {
            return false;
        }
        jdbc.sql("INSERT INTO organizer_role (organizer_id, role, granted_by) VALUES (:id, :role, 'configuration') "
                + "ON CONFLICT DO NOTHING").param("id", organizerId).param("role", ADMIN).update();
        return true;
    }

    /** @throws org.springframework.web.ErrorResponseException 403 for anyone but an admin */
    public void requireAdmin(AuthenticatedOrganizer organizer) {
        if (!isAdmin(organizer.id())) {
            throw Problems.forbidden("only admins may do this");
        }
    }

    public List<String> of(UUID organizerId) {
        return isAdmin(organizerId) ? List.of(ADMIN) : List.of();
    }

    private boolean holds(UUID organizerId, String role) {
        return jdbc.sql("SELECT count(*) FROM organizer_role WHERE organizer_id = :id AND role = :role")
                .param("id", organizerId).param("role", role).query(Long.class).single() > 0;
    }
}
