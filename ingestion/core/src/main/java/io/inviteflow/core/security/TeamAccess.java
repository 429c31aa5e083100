package io.inviteflow.core.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;

/**
 * Decides, for one request to an organizers' endpoint, whose things the signed-in person works on: their own, or the
 * organizer's whose team they are on for what the request does. Implemented by the team feature; asked by
 * {@link AuthenticatedOrganizerResolver} before any controller code runs, so the organizer ids everything below
 * looks things up by are already the right ones.
 */
public interface TeamAccess {

    /**
     * @param pattern   the endpoint's path pattern ({@code /api/v1/events/{eventId}/guests})
     * @param variables the pattern's variables in this request
     * @return the organizer the request works for ({@code signedIn} when it works on the person's own things)
     * @throws org.springframework.web.ErrorResponseException 403 when the request names an organizer whose team the
     *                                                        person is not on for this endpoint
     */
    java.util.UUID actingFor(UUID signedIn, HttpServletRequest request, String pattern,
                             java.util.Map<String, String> variables);
}
