package io.inviteflow.core.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.UUID;

class AuthenticatedOrganizerResolver implements HandlerMethodArgumentResolver {

    private final TeamAccess teams;

    AuthenticatedOrganizerResolver(TeamAccess teams) {
        this.teams = teams;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedOrganizer.class;
    }

    @Override
    public AuthenticatedOrganizer resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            if (!AccessTokens.ISSUER.equals(token.getToken().getClaimAsString("iss"))) {
                throw new AccessDeniedException("this endpoint needs an organizer's token");
            }
            UUID signedIn;
            try {
                signedIn = UUID.fromString(token.getToken().getSubject());
            } catch (IllegalArgumentException serviceToken) {
                throw new AccessDeniedException("this endpoint needs an organizer's token");
            }
            HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) http.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String pattern = (String) http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            AuthenticatedOrganizer organizer = new AuthenticatedOrganizer(teams.actingFor(signedIn, http, pattern,
                    variables == null ? Map.of() : variables), signedIn);
            if (organizer.onATeam()) {
                http.setAttribute(TeamChangeTrail.ON_A_TEAM, organizer); // its changes go on the owner's trail
            }
            return organizer;
        }
        throw new InsufficientAuthenticationException("a bearer token is required");
    }
}
