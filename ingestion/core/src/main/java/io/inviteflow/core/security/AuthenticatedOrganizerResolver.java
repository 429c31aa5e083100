package io.inviteflow.core.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.UUID;

class AuthenticatedOrganizerResolver implements HandlerMethodArgumentResolver {

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
            try {
                return new AuthenticatedOrganizer(UUID.fromString(token.getToken().getSubject()));
            } catch (IllegalArgumentException serviceToken) {
                throw new AccessDeniedException("this endpoint needs an organizer's token");
            }
        }
        throw new InsufficientAuthenticationException("a bearer token is required");
    }
}
