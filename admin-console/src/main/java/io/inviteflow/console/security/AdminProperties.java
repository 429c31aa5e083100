package io.inviteflow.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Who administers this installation (the job history and its restarts) and who is on the ML team (the recommender's
 * retrains and promotions; admins too): organizers' sign-in addresses, e.g.
 * {@code inviteflow.console.admins=ops@example.org,lead@example.org}. Until accounts carry roles of their own
 * (issue 9), the lists are the installation's configuration.
 */
@ConfigurationProperties("inviteflow.console")
public record AdminProperties(@DefaultValue List<String> admins, @DefaultValue List<String> mlTeam) {

    boolean isAdmin(String email) {
        return listed(admins, email);
    }

    boolean isMlTeam(String email) {
        return listed(mlTeam, email) || isAdmin(email);
    }

    private static boolean listed(List<String> emails, String email) {
        return email != null && emails.stream().anyMatch(a -> a.strip().equalsIgnoreCase(email.strip()));
    }
}
