package io.inviteflow.core.guestpage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much guests may ask of the core per minute. Per token: one guest (a person, even with many tabs). Per address:
 * everyone behind one IP address — a venue's Wi-Fi puts thousands of guests behind one, so keep it generous.
 */
@ConfigurationProperties("inviteflow.guests")
public record GuestLimits(int requestsPerMinutePerToken, int requestsPerMinutePerAddress) {

    public GuestLimits {
        if (requestsPerMinutePerToken < 1 || requestsPerMinutePerAddress < 1) {
            throw new IllegalArgumentException("inviteflow.guests.requests-per-minute-* must be at least 1");
        }
    }
}
