package io.inviteflow.console.security;

import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreOrganizer;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs organizers in by asking the core for a token: the console keeps no users of its own. Wrong credentials
 * become {@link BadCredentialsException}, an unreachable core {@link AuthenticationServiceException}; the login view
 * tells the two apart.
 */
@Component
class CoreAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE = "ROLE_ORGANIZER";
    /** The core's roles of an account, as Spring Security's authorities: {@code ADMIN} and {@code ML}. */
    private static final Set<String> CORE_ROLES = Set.of("ADMIN", "ML");

    private final CoreClient core;

    CoreAuthenticationProvider(CoreClient core) {
        this.core = core;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (email.isEmpty() || password.isEmpty()) {
            throw new BadCredentialsException("Email and password are required");
        }
        try {
            return signedIn(email, core.issueToken(email, password));
        } catch (CoreClient.Unauthorized e) {
            if (e.secondFactorChallenge() != null) {
                throw new SecondFactorRequiredException(email, e.secondFactorChallenge());
            }
            throw new BadCredentialsException("Wrong email or password");
        } catch (CoreClient.Refused e) {
            if (e.status() == 429) {
                throw new LockedException(e.getMessage());
            }
            throw new AuthenticationServiceException("The Inviteflow core cannot sign you in right now", e);
        } catch (CoreClient.CoreException e) {
            throw new AuthenticationServiceException("The Inviteflow core cannot sign you in right now", e);
        }
    }

    /** The console's sign-in with a token the core gave without an address typed (a passkey's). */
    Authentication signedIn(String token) {
        return signedIn(null, token);
    }

    /**
     * The console's sign-in with the core's token and the roles the core gives the account (read once per sign-in: a
     * role granted or taken away applies from the next one).
     *
     * @param email as typed at sign-in; null: the account's
     */
    Authentication signedIn(String email, String token) {
        CoreOrganizer account;
        try {
            account = core.me(token);
        } catch (CoreClient.CoreException e) {
            throw new AuthenticationServiceException("The Inviteflow core cannot sign you in right now", e);
        }
        if (account == null) {
            throw new AuthenticationServiceException("The Inviteflow core did not say who signed in");
        }
        // Credentials are not kept: the token stands for them from now on.
        List<SimpleGrantedAuthority> roles = new java.util.ArrayList<>(List.of(new SimpleGrantedAuthority(ROLE)));
        account.roles().stream().filter(CORE_ROLES::contains).sorted()
                .forEach(role -> roles.add(new SimpleGrantedAuthority("ROLE_" + role)));
        String address = email != null ? email : account.email();
        return UsernamePasswordAuthenticationToken.authenticated(new Organizer(address, token), null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
