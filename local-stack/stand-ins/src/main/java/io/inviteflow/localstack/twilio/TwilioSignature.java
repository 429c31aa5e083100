package io.inviteflow.localstack.twilio;

import io.inviteflow.localstack.common.FormBody;
import io.inviteflow.localstack.common.WebhookSender;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's request signature: {@code X-Twilio-Signature} = Base64 of HMAC-SHA1 under the account's auth token of the
 * full URL it calls (query string included) followed by every POST parameter's name and value, sorted by name, with
 * nothing between them.
 */
public final class TwilioSignature implements WebhookSender.Signer {

    private final byte[] authToken;

    public TwilioSignature(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, String> headers(URI url, String body) {
        return Map.of("X-Twilio-Signature", sign(url.toString(), FormBody.parse(body)));
    }

    /** The signature of a POST to {@code url} with these form parameters. */
    public String sign(String url, Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
