package io.inviteflow.console.core;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in organizer's account, as the core's {@code GET /api/v1/organizers/me} returns it.
 *
 * @param roles         beyond organizing their own events: {@code ADMIN}, {@code ML}; the console's admin and ML pages
 *                      follow them (the core is the one place that grants them)
 * @param emailVerified whether the address was confirmed through the link the core mailed at sign-up
 */
public record CoreOrganizer(UUID id, String email, String name, Set<String> roles, boolean emailVerified) {

    public CoreOrganizer {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
