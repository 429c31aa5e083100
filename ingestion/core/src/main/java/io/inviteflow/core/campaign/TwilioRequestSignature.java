package io.inviteflow.core.campaign;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Twilio signs the requests it makes ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1 under the account's auth
 * token of the URL it called (query included) followed by each POST parameter's name and value, sorted by name. Written
 * here from Twilio's description, not shared with the local stand-in that plays Twilio: a mistake made once in both
 * would pass every test; {@code TwilioRequestSignatureTest} checks it against the example Twilio publishes.
 */
final class TwilioRequestSignature {

    private final byte[] authToken;

    TwilioRequestSignature(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    boolean configured() {
        return authToken.length > 0;
    }

    String sign(String url, Map<String, String> form) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In constant time, so the answer's timing tells nothing of the right signature. */
    boolean verifies(String signature, String url, Map<String, String> form) {
        return signature != null && MessageDigest.isEqual(sign(url, form).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
