package io.inviteflow.console.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.inviteflow.console.core.CoreAccount;
import io.inviteflow.console.core.CoreClient;
import org.springframework.stereotype.Component;

/** The organizer of the current request (UI thread only) and the way out when the core stops accepting the token. */
@Component
public class CurrentOrganizer {

    private final AuthenticationContext authentication;
    private final CoreAccount account;

    CurrentOrganizer(AuthenticationContext authentication, CoreAccount account) {
        this.authentication = authentication;
        this.account = account;
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

    /**
     * The organizer signs out: the core refuses their token from now on (a copy of it is worth nothing), then the
     * session ends. When the core cannot be reached the session still ends; the token then lapses when it expires.
     */
    public void signOut() {
        try {
            account.signOut(accessToken());
        } catch (CoreClient.CoreException e) {
            // signed out of the console regardless: nothing the organizer can do about the core
        }
        logout();
    }

    private Organizer organizer() {
        return authentication.getAuthenticatedUser(Organizer.class)
                .orElseThrow(() -> new IllegalStateException("no organizer signed in"));
    }
}
