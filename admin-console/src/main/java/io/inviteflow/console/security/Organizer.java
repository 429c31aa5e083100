package io.inviteflow.console.security;

import java.io.Serializable;

/**
 * The signed-in organizer: the principal of the Spring Security context, kept in the HTTP session that the Vaadin
 * session lives in. Never logged: {@link #toString()} hides the token.
 *
 * @param email       what the organizer signed in with
 * @param accessToken the core's bearer token; sent with every call to the core on the organizer's behalf
 */
public record Organizer(String email, String accessToken) implements Serializable {

    @Override
    public String toString() {
        return "Organizer[" + email + "]";
    }
}
