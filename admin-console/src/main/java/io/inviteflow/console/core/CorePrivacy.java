package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The core's privacy API as the admins' Privacy page uses it: a copy of a person's data (a ZIP), their erasure, and
 * the trail of both. The core lets only accounts holding the ADMIN role call it (403 for anyone else). Errors as
 * {@link CoreClient} throws them.
 */
@Component
public class CorePrivacy {

    private final CoreClient core;

    public CorePrivacy(CoreClient core) {
        this.core = core;
    }

    /** What an erasure touched: rows erased or emptied, per kind. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Erasure(UUID requestId, Map<String, Integer> erased) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Handled(UUID id, String kind, String subjectHash, String handledBy, Map<String, Object> summary,
                          Instant at) {
    }

    /** @param subject an email address, or a mobile number starting with + */
    public byte[] export(String token, String subject) {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/admin/privacy/exports")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/zip"), MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(subject)).retrieve().body(byte[].class));
    }

    public Erasure erase(String token, String subject) {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/admin/privacy/erasures")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(body(subject)).retrieve().body(Erasure.class));
    }

    /**
     * Closes the organizer account of this address, as its organizer asked ({@code requestId} is null); the admin's
     * own password, and code with two-factor sign-in on, confirm it.
     */
    public Erasure closeAccount(String token, String email, String password, String code) {
        Map<String, String> body = new HashMap<>(Map.of("email", email.trim(), "password", password));
        if (code != null && !code.isBlank()) {
            body.put("code", code.strip());
        }
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/admin/privacy/account-closures")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Erasure.class));
    }

    public List<Handled> trail(String token) {
        Handled[] trail = CoreClient.call(() -> core.rest().get().uri("/api/v1/admin/privacy/requests")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Handled[].class));
        return trail == null ? List.of() : Arrays.asList(trail);
    }

    /** An address has an @; anything else is taken for a number (the core says when it is neither). */
    private static Map<String, String> body(String subject) {
        Map<String, String> body = new HashMap<>();
        body.put(subject.contains("@") ? "email" : "phone", subject.trim());
        return body;
    }
}
