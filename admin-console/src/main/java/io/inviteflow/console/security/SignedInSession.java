package io.inviteflow.console.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Signing in from a view rather than through form login (a second factor, a passkey), as form login would. */
final class SignedInSession {

    private SignedInSession() {
    }

    /** Stores the sign-in in the HTTP session under a new session id (no fixation) and forgets any failure. */
    static void store(Authentication signedIn) {
        VaadinSession.getCurrent().getSession().removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        request.getHttpServletRequest().changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request.getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse());
    }
}
