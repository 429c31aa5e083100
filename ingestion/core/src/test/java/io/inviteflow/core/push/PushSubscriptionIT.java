package io.inviteflow.core.push;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Web Push subscriptions as a browser's PushManager hands them over (RFC 8291 keys), stored for the sender. */
class PushSubscriptionIT extends CoreIntegrationTest {

    private static final String MOZILLA = "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String token;

    @BeforeEach
    void invitation() {
        api = new Api(port);
        String organizer = api.newOrganizerToken();
        String eventId = api.newEvent(organizer, "Launch");
        token = api.invite(organizer, eventId, "Grace").get(0).get("token").asText();
    }

    @Test
    void aBrowsersSubscriptionIsStoredOnceAndCanBeRemoved() throws Exception {
        String endpoint = "https://fcm.googleapis.com/fcm/send/" + java.util.UUID.randomUUID();
        String subscription = subscription(endpoint, browserKey(), 16);
        assertThat(api.post("/i/" + token + "/push", null, subscription).status()).isEqualTo(201);
        assertThat(api.post("/i/" + token + "/push", null, subscription).status()).isEqualTo(201); // again: same row
        assertThat(rows(endpoint)).isEqualTo(1);
        assertThat(api.getAs("/i/" + token, "test").body()).contains("id=\"push\" data-vapid=\"BInKcHZnBfMD87Of");

        assertThat(api.delete("/i/" + token + "/push?endpoint=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8),
                null).status()).isEqualTo(204);
        assertThat(rows(endpoint)).isZero();
    }

    @Test
    void whatCannotBeASubscriptionIsRefused() throws Exception {
        String key = browserKey();
        assertThat(api.post("/i/" + token + "/push", null, subscription("http://push.example/x", key, 16)).status())
                .isEqualTo(422);
        assertThat(api.post("/i/" + token + "/push", null, subscription(MOZILLA, "AAAA", 16))
                .json().get("field").asText()).isEqualTo("keys.p256dh");
        assertThat(api.post("/i/" + token + "/push", null, subscription(MOZILLA, key, 8))
                .json().get("field").asText()).isEqualTo("keys.auth");
        assertThat(api.post("/i/" + token + "/push", null, "{\"endpoint\":\"" + MOZILLA + "\"}").status())
                .isEqualTo(422);
        assertThat(api.post("/i/AAAAAAAAAAAAAAAAAAAAAA/push", null,
                subscription(MOZILLA, key, 16)).status()).isEqualTo(404);
        // the sender will POST to the endpoint: nothing but the browsers' push services (no SSRF into our network)
        for (String inside : new String[]{"https://169.254.169.254/latest/meta-data", "https://localhost/x",
                "https://fcm.googleapis.com.evil.example/x", "https://10.0.0.7/push"}) {
            assertThat(api.post("/i/" + token + "/push", null, subscription(inside, key, 16)).json().get("field")
                    .asText()).as(inside).isEqualTo("endpoint");
        }
    }

    private int rows(String endpoint) {
        return jdbc.sql("SELECT count(*) FROM push_subscription WHERE endpoint = :e").param("e", endpoint)
                .query(Integer.class).single();
    }

    /** A P-256 public key as browsers give it: the uncompressed point, base64url. */
    private static String browserKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX().toByteArray(), point, 1);
        copy(key.getW().getAffineY().toByteArray(), point, 33);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(point);
    }

    private static void copy(byte[] coordinate, byte[] into, int at) {
        byte[] fixed = coordinate.length > 32 ? Arrays.copyOfRange(coordinate, coordinate.length - 32, coordinate.length)
                : coordinate;
        System.arraycopy(fixed, 0, into, at + 32 - fixed.length, fixed.length);
    }

    private static String subscription(String endpoint, String p256dh, int authBytes) {
        String auth = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[authBytes]);
        return "{\"endpoint\":\"%s\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"%s\",\"auth\":\"%s\"}}"
                .formatted(endpoint, p256dh, auth);
    }
}
