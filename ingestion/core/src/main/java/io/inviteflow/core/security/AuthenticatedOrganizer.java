package io.inviteflow.core.security;

import java.util.UUID;

/**
 * Who a request works for, behind its bearer token. Declare it as a controller method parameter;
 * {@link AuthenticatedOrganizerResolver} fills it in.
 *
 * @param id       the organizer whose events, guests and campaigns the request reads and changes: the signed-in
 *                 organizer, or the organizer whose team they work on for this request (see {@link TeamAccess})
 * @param signedIn the account behind the token, for what is the person's own (their trail, their teams)
 */
public record AuthenticatedOrganizer(UUID id, UUID signedIn) {

    /** Working on their own things. */
    public AuthenticatedOrganizer(UUID signedIn) {
        this(signedIn, signedIn);
    }

    /** True when the request works on another organizer's things as a member of their team. */
    public boolean onATeam() {
        return !id.equals(signedIn);
    }
}
