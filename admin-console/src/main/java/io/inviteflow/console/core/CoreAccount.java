package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The core's account-security API as the account page uses it: the address's confirmation, two-factor sign-in,
 * signing out everywhere, the account's audit trail. Errors as {@link CoreClient} throws them.
 */
@Component
public class CoreAccount {

    private final CoreClient core;

    public CoreAccount(CoreClient core) {
        this.core = core;
    }

    /** An app to enrol: the secret to type, the link, and the link as a QR code ({@code data:} URI). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrolment(String secret, String otpauthUri, String qrCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SecurityEvent(Instant at, String action, String ip, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(boolean enabled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RecoveryCodes(List<String> recoveryCodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AddressStatus(boolean verified) {
    }

    /** Whether the account's address was confirmed through the link the core mailed. */
    public boolean addressConfirmed(String token) {
        AddressStatus status = CoreClient.call(() -> core.rest().get().uri("/api/v1/organizers/me/email-verification")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(AddressStatus.class));
        return status != null && status.verified();
    }

    /**
     * Asks the core to mail a new confirmation link (three a day; a 503 while its mail server is away); true when
     * the address turned out to be confirmed already.
     */
    public boolean sendConfirmationLink(String token) {
        AddressStatus status = CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers/me/email-verification")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(AddressStatus.class));
        return status != null && status.verified();
    }

    /**
     * Asks the core to mail a link for a new password to this address; it answers alike whether or not an account has
     * the address (429 past the limit of its client).
     */
    /**
     * Signs up. The core answers a taken address as a new one (its owner is mailed instead), so this cannot tell
     * either; {@link CoreClient.Refused} for an address that is not one, a password its rules refuse, or 429.
     */
    public void signUp(String name, String email, String password) {
        CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "email", email, "password", password)).retrieve().toBodilessEntity());
    }

    public void askForNewPassword(String email) {
        CoreClient.call(() -> core.rest().post().uri("/api/v1/auth/password-reset")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", email)).retrieve().toBodilessEntity());
    }

    public boolean secondFactorEnabled(String token) {
        Status status = CoreClient.call(() -> core.rest().get().uri("/api/v1/organizers/me/second-factor")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Status.class));
        return status != null && status.enabled();
    }

    /** Starts enrolling an app; the core asks for the account's password first. */
    public Enrolment enrol(String token, String password) {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers/me/second-factor")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("password", password)).retrieve().body(Enrolment.class));
    }

    /** The first code turns it on; the recovery codes come back this once. */
    public List<String> confirm(String token, String code) {
        return codes(CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers/me/second-factor/confirm")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code)).retrieve().body(RecoveryCodes.class)));
    }

    public List<String> renewRecoveryCodes(String token, String code) {
        return codes(CoreClient.call(() -> core.rest().post()
                .uri("/api/v1/organizers/me/second-factor/recovery-codes")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code)).retrieve().body(RecoveryCodes.class)));
    }

    public void disable(String token, String code) {
        CoreClient.call(() -> core.rest().method(org.springframework.http.HttpMethod.DELETE)
                .uri("/api/v1/organizers/me/second-factor")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code)).retrieve().toBodilessEntity());
    }

    /** Every token of the account stops working, this console's too. */
    public void signOutEverywhere(String token) {
        CoreClient.call(() -> core.rest().post().uri("/api/v1/auth/sign-out-everywhere")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toBodilessEntity());
    }

    /** This token stops working (the console's sign-out). */
    public void signOut(String token) {
        CoreClient.call(() -> core.rest().post().uri("/api/v1/auth/sign-out")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toBodilessEntity());
    }

    public List<SecurityEvent> securityEvents(String token) {
        List<SecurityEvent> events = CoreClient.call(() -> core.rest().get()
                .uri("/api/v1/organizers/me/security-events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
                .body(new ParameterizedTypeReference<List<SecurityEvent>>() {
                }));
        return events == null ? List.of() : events;
    }

    /** A ZIP of everything Inviteflow holds about the account's address, the account included. */
    public byte[] copyOfMyData(String token) {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers/me/data-export")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.parseMediaType("application/zip"), MediaType.APPLICATION_PROBLEM_JSON)
                .retrieve().body(byte[].class));
    }

    /** An event that keeps the account open, and what to do about it. */
    public record ClosingBlocker(java.util.UUID eventId, String title, String reason) {
    }

    record Closability(boolean closable, List<ClosingBlocker> blockers) {
    }

    /** The events to cancel, or whose refunds to wait for, before the account can close; empty: it can now. */
    public List<ClosingBlocker> closingBlockers(String token) {
        Closability closability = CoreClient.call(() -> core.rest().get().uri("/api/v1/organizers/me/closure")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Closability.class));
        return closability == null || closability.blockers() == null ? List.of() : closability.blockers();
    }

    /** Closes the account for good; {@code code} is needed only with two-factor sign-in on. */
    public void close(String token, String password, String code) {
        Map<String, String> confirmation = new java.util.HashMap<>(Map.of("password", password));
        if (code != null && !code.isBlank()) {
            confirmation.put("code", code.strip());
        }
        CoreClient.call(() -> core.rest().post().uri("/api/v1/organizers/me/closure")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(confirmation).retrieve().toBodilessEntity());
    }

    private static List<String> codes(RecoveryCodes codes) {
        return codes == null || codes.recoveryCodes() == null ? List.of() : codes.recoveryCodes();
    }
}
