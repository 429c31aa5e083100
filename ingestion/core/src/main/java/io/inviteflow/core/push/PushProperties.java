package io.inviteflow.core.push;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Base64;

/**
 * @param vapidPublicKey the VAPID public key (RFC 8292): an uncompressed P-256 point, base64url
 * @param extraServices  push services besides the browsers' own that subscriptions may name (URL prefixes), e.g. a
 *                       test's local receiver; none by default
 */
@ConfigurationProperties("inviteflow.push")
record PushProperties(String vapidPublicKey, java.util.List<String> extraServices) {

    PushProperties {
        byte[] point = vapidPublicKey == null ? new byte[0] : Base64.getUrlDecoder().decode(vapidPublicKey);
        if (point.length != 65 || point[0] != 4) {
            throw new IllegalArgumentException("inviteflow.push.vapid-public-key must be an uncompressed P-256 point "
                    + "(65 bytes, base64url)");
        }
    }
}
