package io.inviteflow.core.push;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.util.Base64;

/**
 * Web Push subscriptions guests make from their invitation page (the browser's PushManager, with our VAPID key).
 * Stored for the notification side, which encrypts each message to the subscription's keys (RFC 8291).
 */
@Service
class PushSubscriptions {

    /** The push services of Chrome/Edge/Android (FCM), Firefox (Mozilla autopush), Safari (Apple), Windows (WNS). */
    static final java.util.regex.Pattern PUSH_SERVICES = java.util.regex.Pattern.compile(
            "fcm\\.googleapis\\.com|android\\.googleapis\\.com|updates\\.push\\.services\\.mozilla\\.com"
                    + "|[a-z0-9.-]+\\.push\\.apple\\.com|[a-z0-9.-]+\\.notify\\.windows\\.com");

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;
    private final java.util.List<String> extraServices;

    PushSubscriptions(JdbcClient jdbc, ActivityOutbox outbox, PushProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.extraServices = properties.extraServices() == null ? java.util.List.of() : properties.extraServices();
    }

    /** The browser's PushSubscription.toJSON(). */
    record Subscription(String endpoint, Keys keys) {
        record Keys(String p256dh, String auth) {
        }
    }

    /** A browser re-subscribing with the same endpoint replaces its keys (it may have rotated them). */
    @Transactional
    void subscribe(GuestAccess.Guest guest, Subscription subscription, String locale) {
        check(subscription);
        jdbc.sql("""
                        INSERT INTO push_subscription (endpoint, invitation_id, p256dh, auth, locale)
                        VALUES (:endpoint, :invitation, :p256dh, :auth, :locale)
                        ON CONFLICT (endpoint) DO UPDATE SET invitation_id = excluded.invitation_id,
                            p256dh = excluded.p256dh, auth = excluded.auth, locale = excluded.locale""")
                .param("endpoint", subscription.endpoint()).param("invitation", guest.invitationId())
                .param("p256dh", subscription.keys().p256dh()).param("auth", subscription.keys().auth())
                .param("locale", locale).update();
        outbox.record(new ActivityOutbox.Entry(ActivityType.PUSH_SUBSCRIBED, "invitation", guest.invitationId(),
                guest.eventId(), new Payloads.PushSubscribed(locale)));
    }

    void unsubscribe(GuestAccess.Guest guest, String endpoint) {
        jdbc.sql("DELETE FROM push_subscription WHERE endpoint = :endpoint AND invitation_id = :invitation")
                .param("endpoint", endpoint).param("invitation", guest.invitationId()).update();
    }

    /** The push service forgot this subscription (404/410 to a push): nobody sends to it again. */
    void forget(String endpoint) {
        jdbc.sql("DELETE FROM push_subscription WHERE endpoint = :endpoint").param("endpoint", endpoint).update();
    }

    private void check(Subscription s) {
        if (s == null || s.endpoint() == null || s.keys() == null) {
            throw Problems.unprocessable("endpoint", "a PushSubscription: endpoint and keys.p256dh, keys.auth");
        }
        URI endpoint;
        try {
            endpoint = URI.create(s.endpoint());
        } catch (IllegalArgumentException e) {
            throw Problems.unprocessable("endpoint", "not a URL");
        }
        if (s.endpoint().length() <= 1000 && extraServices.stream().anyMatch(s.endpoint()::startsWith)) {
            checkKeys(s); // a push service this deployment names itself (a test's local one)
            return;
        }
        if (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null || s.endpoint().length() > 1000) {
            throw Problems.unprocessable("endpoint", "push services are reached over https");
        }
        if (!PUSH_SERVICES.matcher(endpoint.getHost()).matches()) {
            // the sender will POST to this URL: only the browsers' push services, never an address of our network
            throw Problems.unprocessable("endpoint", "not a browser push service");
        }
        checkKeys(s);
    }

    private static void checkKeys(Subscription s) {
        byte[] p256dh = base64url("keys.p256dh", s.keys().p256dh());
        if (p256dh.length != 65 || p256dh[0] != 4) {
            throw Problems.unprocessable("keys.p256dh", "an uncompressed P-256 public key (65 bytes)");
        }
        if (base64url("keys.auth", s.keys().auth()).length != 16) {
            throw Problems.unprocessable("keys.auth", "a 16-byte authentication secret");
        }
    }

    private static byte[] base64url(String field, String value) {
        try {
            return Base64.getUrlDecoder().decode(value == null ? "" : value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw Problems.unprocessable(field, "base64url");
        }
    }
}
