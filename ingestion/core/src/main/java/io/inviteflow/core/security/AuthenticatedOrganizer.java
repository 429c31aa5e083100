package io.inviteflow.core.security;

import java.util.UUID;

/**
 * The organizer behind the bearer token of the current request. Declare it as a controller method parameter;
 * {@link AuthenticatedOrganizerResolver} fills it in.
 */
public record AuthenticatedOrganizer(UUID id) {
}
