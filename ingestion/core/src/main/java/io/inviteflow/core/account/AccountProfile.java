package io.inviteflow.core.account;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in organizer as {@code GET /api/v1/organizers/me} returns it: the console signs in with the core's token
 * and takes the account's roles and address confirmation from here (one identity for both).
 *
 * @param roles         beyond organizing its own events: {@code ADMIN}, {@code ML} (see {@code security.Roles})
 * @param emailVerified whether the address was confirmed through the link mailed at sign-up
 */
public record AccountProfile(UUID id, String email, String name, Set<String> roles, boolean emailVerified) {
}
