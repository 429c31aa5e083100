package io.inviteflow.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Who administers this installation (the job history and its restarts): organizers' sign-in addresses, e.g.
 * {@code inviteflow.console.admins=ops@example.org,lead@example.org}. Until accounts carry roles of their own
 * (issue 9), the list is the installation's configuration.
 */
@ConfigurationProperties("inviteflow.console")
public record AdminProperties(@DefaultValue List<String> admins) {

    boolean isAdmin(String email) {
        return email != null && admins.stream().anyMatch(a -> a.strip().equalsIgnoreCase(email.strip()));
    }
}
