package io.inviteflow.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Set;

/**
 * Every change a team member made for an organizer, on that organizer's trail: who (the member's account), what
 * (method and path), once it succeeded. Their changes are made in the owner's name; this says whose they were.
 */
class TeamChangeTrail implements HandlerInterceptor {

    /** The request attribute under which {@link AuthenticatedOrganizerResolver} leaves a team member's request. */
    static final String ON_A_TEAM = TeamChangeTrail.class.getName() + ".organizer";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityAudit audit;

    TeamChangeTrail(SecurityAudit audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(ON_A_TEAM) instanceof AuthenticatedOrganizer member && failure == null
                && !READS.contains(request.getMethod()) && response.getStatus() < 400) {
            audit.record(member.id(), SecurityAudit.Action.TEAM_MEMBER_CHANGE,
                    member.signedIn() + " " + request.getMethod() + " " + request.getRequestURI());
        }
    }
}
