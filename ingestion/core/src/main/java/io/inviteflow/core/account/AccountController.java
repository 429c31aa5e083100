package io.inviteflow.core.account;

import io.inviteflow.core.security.AccessTokens;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Sign-up and sign-in of organizers. */
@RestController
class AccountController {

    /** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
    private final String unknownUserHash;
    private final OrganizerRepository organizers;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;

    AccountController(OrganizerRepository organizers, PasswordEncoder passwords, AccessTokens tokens) {
        this.organizers = organizers;
        this.passwords = passwords;
        this.tokens = tokens;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    record SignUp(@NotBlank @Email @Size(max = 254) String email,
                  @NotBlank @Size(min = 8, max = 128) String password,
                  @NotBlank @Size(max = 200) String name) {
    }

    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record AccessToken(String accessToken, String tokenType) {
    }

    @PostMapping("/api/v1/organizers")
    ResponseEntity<Organizer> signUp(@Valid @RequestBody SignUp request) {
        var organizer = new Organizer(UUID.randomUUID(), request.email().trim(), request.name().trim());
        if (!organizers.insert(organizer, passwords.encode(request.password()))) {
            throw Problems.conflict("an organizer with this email already exists");
        }
        return ResponseEntity.created(URI.create("/api/v1/organizers/" + organizer.id())).body(organizer);
    }

    /** The signed-in organizer (the console needs the id: the streaming job keys organizer-wide figures by it). */
    @GetMapping("/api/v1/organizers/me")
    Organizer me(AuthenticatedOrganizer organizer) {
        return organizers.find(organizer.id()).orElseThrow(() -> Problems.notFound("organizer", organizer.id()));
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials request) {
        var stored = organizers.findCredentials(request.email());
        String hash = stored.map(OrganizerRepository.StoredCredentials::passwordHash).orElse(unknownUserHash);
        if (!passwords.matches(request.password(), hash) || stored.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "wrong email or password");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        return ResponseEntity.ok(new AccessToken(tokens.issue(stored.get().id(), stored.get().email()), "Bearer"));
    }
}
