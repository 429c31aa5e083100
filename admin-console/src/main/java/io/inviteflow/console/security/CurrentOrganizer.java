package io.inviteflow.console.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/** The organizer of the current request (UI thread only) and the way out when the core stops accepting the token. */
@Component
public class CurrentOrganizer {

    private final AuthenticationContext authentication;

    CurrentOrganizer(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /** The core's bearer token of the signed-in organizer. */
    public String accessToken() {
        return organizer().accessToken();
    }

    public String email() {
        return organizer().email();
    }

    /** Whether the organizer also administers the installation (job history). */
    public boolean isAdmin() {
        return authentication.hasRole("ADMIN");
    }

    /** Whether the organizer may retrain and promote the recommender's models (ML team or admin). */
    public boolean isMlTeam() {
        return authentication.hasRole("ML");
    }

    /** Ends the session and returns to the login view, e.g. after the core answered 401 (token expired). */
    public void logout() {
        authentication.logout();
    }

    private Organizer organizer() {
        return authentication.getAuthenticatedUser(Organizer.class)
                .orElseThrow(() -> new IllegalStateException("no organizer signed in"));
    }
}
