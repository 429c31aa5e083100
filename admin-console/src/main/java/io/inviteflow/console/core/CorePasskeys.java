package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's passkey API: an account's passkeys, adding and removing one, signing in with one. Each ceremony is two
 * calls around the browser's: the core's options go to {@code navigator.credentials}, what the browser answers goes
 * back to the core untouched. Errors as {@link CoreClient} throws them.
 */
@Component
public class CorePasskeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CoreClient core;

    public CorePasskeys(CoreClient core) {
        this.core = core;
    }

    /** @param synced whether the passkey is backed up to its maker's cloud (it then works on the owner's devices) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt, boolean synced) {
    }

    /** A ceremony under way: its id, and the options for the browser in WebAuthn's JSON. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ceremony(String ceremony, JsonNode publicKey) {
    }

    public List<Passkey> passkeys(String token) {
        List<Passkey> passkeys = CoreClient.call(() -> core.rest().get().uri("/api/v1/organizers/me/passkeys")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
                .body(new ParameterizedTypeReference<List<Passkey>>() {
                }));
        return passkeys == null ? List.of() : passkeys;
    }

    /** The core asks for the password, and a code when two-factor sign-in is on (422 when wrong). */
    public Ceremony startAdding(String token, String password, String code) {
        Map<String, String> secrets = new HashMap<>(Map.of("password", password));
        if (code != null && !code.isBlank()) {
            secrets.put("code", code.strip());
        }
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers/me/passkeys/options")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(secrets).retrieve().body(Ceremony.class));
    }

    /** @param credential what the browser's {@code credential.toJSON()} gave, as a string */
    public Passkey add(String token, String ceremony, String credential, String label) {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers/me/passkeys")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("ceremony", ceremony, "credential", parse(credential), "label", label)).retrieve()
                .body(Passkey.class));
    }

    public void remove(String token, String passkeyId) {
        CoreClient.call(() -> core.rest().method(HttpMethod.DELETE)
                .uri("/api/v1/organizers/me/passkeys/{id}", passkeyId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toBodilessEntity());
    }

    public Ceremony startSignIn() {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/auth/token/passkey/options")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().body(Ceremony.class));
    }

    /** The access token; {@link CoreClient.Unauthorized} when the passkey did not sign in. */
    public String signIn(String ceremony, String credential) {
        CoreClient.TokenResponse token = CoreClient.call(() -> core.rest().post().uri("/api/v1/auth/token/passkey")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("ceremony", ceremony, "credential", parse(credential))).retrieve()
                .body(CoreClient.TokenResponse.class));
        return CoreClient.accessTokenOf(token);
    }

    /** The browser's answer as JSON; {@link CoreClient.Refused} (400) for anything else, as the core would say. */
    private static JsonNode parse(String credential) {
        try {
            JsonNode parsed = credential == null ? null : JSON.readTree(credential);
            if (parsed == null || !parsed.isObject()) {
                throw new CoreClient.Refused(400, "the browser's answer is not a passkey's");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new CoreClient.Refused(400, "the browser's answer is not a passkey's");
        }
    }
}
