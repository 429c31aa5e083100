package io.inviteflow.core.security;

import io.inviteflow.core.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Roles stored with an account ({@code organizer_role}) beyond organizing its own events. ADMIN handles people's
 * requests about their data across every organizer and sees the installation's jobs and pipeline in the console; ML
 * (the ML team) retrains and promotes the recommender's models there; an admin is on the ML team too. An operator
 * grants a role ({@code ./inviteflow grant-role ADMIN|ML <address>}), or lists the address in
 * {@code inviteflow.security.admins} / {@code inviteflow.security.ml-team}: a listed address counts once its owner has
 * confirmed it (the link mailed at sign-up) — else anyone could sign up with a listed address before its owner does —
 * or at once where {@code inviteflow.security.trust-configured-admins} is on (the local stack, whose mail nobody
 * reads, and the tests). The console takes an account's roles from here ({@code GET /api/v1/organizers/me}).
 */
@Component
public class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String ML = "ML";
    private final JdbcClient jdbc;
    private final Set<String> configuredAdmins;
    private final Set<String> configuredMlTeam;
    private final boolean trustConfigured;

    Roles(JdbcClient jdbc, BlindIndex index, @Value("${inviteflow.security.admins:}") List<String> admins,
          @Value("${inviteflow.security.ml-team:}") List<String> mlTeam,
          @Value("${inviteflow.security.trust-configured-admins:false}") boolean trustConfigured) {
        this.jdbc = jdbc;
        this.configuredAdmins = indexed(index, admins);
        this.configuredMlTeam = indexed(index, mlTeam);
        this.trustConfigured = trustConfigured;
    }

    /** The account's roles: stored, or listed for its confirmed address; ADMIN brings ML. */
    public Set<String> of(UUID organizerId) {
        Set<String> roles = new TreeSet<>(jdbc.sql("""
                        SELECT role FROM organizer_role WHERE organizer_id = :id
                        UNION
                        SELECT :admin FROM organizer WHERE id = :id AND encode(email_index, 'hex') IN (:admins)
                            AND (:trust OR email_verified_at IS NOT NULL)
                        UNION
                        SELECT :ml FROM organizer WHERE id = :id AND encode(email_index, 'hex') IN (:mlTeam)
                            AND (:trust OR email_verified_at IS NOT NULL)""")
                .param("id", organizerId).param("admin", ADMIN).param("ml", ML).param("trust", trustConfigured)
                .param("admins", nonEmpty(configuredAdmins)).param("mlTeam", nonEmpty(configuredMlTeam))
                .query(String.class).list());
        if (roles.contains(ADMIN)) {
            roles.add(ML);
        }
        return roles;
    }

    public boolean isAdmin(UUID organizerId) {
        return of(organizerId).contains(ADMIN);
    }

    /** @throws org.springframework.web.ErrorResponseException 403 for anyone but an admin */
    public void requireAdmin(AuthenticatedOrganizer organizer) {
        if (!isAdmin(organizer.id())) {
            throw Problems.forbidden("only admins may do this");
        }
    }

    /** The listed addresses by their blind indexes (in hex), as accounts are found: their addresses are sealed. */
    private static Set<String> indexed(BlindIndex index, List<String> addresses) {
        return addresses.stream().filter(a -> !a.isBlank()).map(index::ofEmail).map(HexFormat.of()::formatHex)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** IN () is not SQL: an index no account can have stands for "nobody". */
    private static List<String> nonEmpty(Set<String> addresses) {
        return addresses.isEmpty() ? List.of("") : List.copyOf(addresses);
    }
}
