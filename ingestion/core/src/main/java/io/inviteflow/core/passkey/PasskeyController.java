package io.inviteflow.core.passkey;

import io.inviteflow.core.account.Reauthentication;
import io.inviteflow.core.security.AccessTokens;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Passkeys over the API, each ceremony in two calls: the first answers {@code ceremony} and {@code publicKey}, the
 * options in WebAuthn's JSON (what {@code PublicKeyCredential.parseCreationOptionsFromJSON} and
 * {@code parseRequestOptionsFromJSON} take), the second sends the ceremony back with the credential the browser made
 * ({@code credential.toJSON()}).
 * <ul>
 *   <li>Adding one: {@code POST /api/v1/organizers/me/passkeys/options} with the password (and a code when two-factor
 *   sign-in is on: a passkey signs in without it), then {@code POST /api/v1/organizers/me/passkeys}.</li>
 *   <li>Signing in: {@code POST /api/v1/auth/token/passkey/options}, then {@code POST /api/v1/auth/token/passkey},
 *   which answers the access token, or 401 (the same for every failure).</li>
 * </ul>
 */
@RestController
class PasskeyController {

    private final Passkeys passkeys;
    private final Reauthentication reauthentication;

    PasskeyController(Passkeys passkeys, Reauthentication reauthentication) {
        this.passkeys = passkeys;
        this.reauthentication = reauthentication;
    }

    /** @param code required when two-factor sign-in is on */
    record Secrets(@NotBlank @Size(max = 128) String password, @Size(max = 64) String code) {
    }

    /** @param label how the owner tells their passkeys apart ("Phone", "Work laptop") */
    record NewPasskey(@NotNull UUID ceremony, @NotNull PublicKeyCredential<AuthenticatorAttestationResponse> credential,
                      @NotBlank @Size(max = 64) String label) {
    }

    record Assertion(@NotNull UUID ceremony, @NotNull PublicKeyCredential<AuthenticatorAssertionResponse> credential) {
    }

    @GetMapping("/api/v1/organizers/me/passkeys")
    List<Passkeys.Passkey> list(AuthenticatedOrganizer organizer) {
        return passkeys.of(organizer.id());
    }

    @PostMapping("/api/v1/organizers/me/passkeys/options")
    Passkeys.Ceremony<PublicKeyCredentialCreationOptions> startAdding(AuthenticatedOrganizer organizer,
                                                                      @Valid @RequestBody Secrets secrets) {
        reauthentication.requirePasswordAndCode(organizer.id(), secrets.password(), secrets.code());
        return passkeys.startAdding(organizer.id());
    }

    @PostMapping("/api/v1/organizers/me/passkeys")
    @ResponseStatus(HttpStatus.CREATED)
    Passkeys.Passkey add(AuthenticatedOrganizer organizer, @Valid @RequestBody NewPasskey request) {
        return passkeys.add(organizer.id(), request.ceremony(), request.credential(), request.label().strip());
    }

    @DeleteMapping("/api/v1/organizers/me/passkeys/{passkeyId}")
    ResponseEntity<Void> remove(AuthenticatedOrganizer organizer, @PathVariable String passkeyId) {
        passkeys.remove(organizer.id(), passkeyId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/auth/token/passkey/options")
    Passkeys.Ceremony<PublicKeyCredentialRequestOptions> startSignIn() {
        return passkeys.startSignIn();
    }

    @PostMapping("/api/v1/auth/token/passkey")
    ResponseEntity<?> signIn(@Valid @RequestBody Assertion assertion) {
        return passkeys.signIn(assertion.ceremony(), assertion.credential())
                .<ResponseEntity<?>>map(token -> ResponseEntity.ok(AccessTokens.Issued.bearer(token)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNAUTHORIZED, "this passkey did not sign in: ask for new options and try again")));
    }
}
