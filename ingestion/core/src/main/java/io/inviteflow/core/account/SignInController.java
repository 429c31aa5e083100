package io.inviteflow.core.account;

import io.inviteflow.core.security.AccessTokens;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.security.TokenRevocations;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Signing in and out. {@code POST /api/v1/auth/token} with the address and password answers 200 with an access token;
 * for an account with two-factor sign-in, 401 with {@code secondFactorRequired: true} and a {@code challenge}, which
 * {@code POST /api/v1/auth/token/second-factor} exchanges with a code for the token. 401 for a wrong address,
 * password, code or challenge (the same words for a wrong address as for a wrong password); 429 with
 * {@code Retry-After} while the address is locked after repeated failures.
 */
@RestController
class SignInController {

    private final SignIn signIn;
    private final TokenRevocations revocations;
    private final SecurityAudit audit;

    SignInController(SignIn signIn, TokenRevocations revocations, SecurityAudit audit) {
        this.signIn = signIn;
        this.revocations = revocations;
        this.audit = audit;
    }

    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record SecondFactor(@NotBlank @Size(max = 2000) String challenge, @NotBlank @Size(max = 64) String code) {
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials request) {
        return answer(signIn.withPassword(request.email(), request.password()));
    }

    @PostMapping("/api/v1/auth/token/second-factor")
    ResponseEntity<?> secondFactor(@Valid @RequestBody SecondFactor request) {
        return answer(signIn.withCode(request.challenge(), request.code()));
    }

    /** Signs out the token of this request: refused from now on, here at once and everywhere within seconds. */
    @PostMapping("/api/v1/auth/sign-out")
    ResponseEntity<Void> signOut(AuthenticatedOrganizer organizer, @AuthenticationPrincipal Jwt token) {
        if (token.getId() == null) {
            throw Problems.conflict(
                    "this token was issued before tokens could be signed out one by one: sign out everywhere");
        }
        revocations.revoke(UUID.fromString(token.getId()), token.getExpiresAt());
        audit.record(organizer.id(), SecurityAudit.Action.SIGNED_OUT, null);
        return ResponseEntity.noContent().build();
    }

    /** Signs out every token of the account, this one included (a lost phone, a shared computer). */
    @PostMapping("/api/v1/auth/sign-out-everywhere")
    ResponseEntity<Void> signOutEverywhere(AuthenticatedOrganizer organizer) {
        UUID organizerId = organizer.id();
        revocations.revokeAll(organizerId);
        audit.record(organizerId, SecurityAudit.Action.SIGNED_OUT_EVERYWHERE, null);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<?> answer(SignIn.Outcome outcome) {
        if (outcome instanceof SignIn.SignedIn signedIn) {
            return ResponseEntity.ok(AccessTokens.Issued.bearer(signedIn.accessToken()));
        }
        if (outcome instanceof SignIn.SecondFactorRequired required) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "enter the code from your authenticator app, or a recovery code");
            problem.setProperty("secondFactorRequired", true);
            problem.setProperty("challenge", required.challenge());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        if (outcome instanceof SignIn.Locked locked) {
            throw Problems.tooManyRequests("too many failed sign-ins to this address", locked.retryAfter());
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "wrong email, password or code"));
    }
}
