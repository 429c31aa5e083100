package io.inviteflow.core.passkey;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.verifier.exception.VerificationException;
import io.inviteflow.core.account.Organizers;
import io.inviteflow.core.security.AccessTokens;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Passkeys: adding one to an account, signing in with one, listing and removing them. A passkey signs in alone, with
 * no second factor asked: it is one already (the device, and the fingerprint, face or PIN that unlocks it — user
 * verification is required, not just preferred, both when a passkey is made and at each sign-in). Passkeys are
 * discoverable, so signing in needs no address: the browser offers the passkeys it has for this site.
 */
@Service
class Passkeys {

    /** ES256 first: what platform authenticators make; EdDSA and RS256 for security keys and Windows Hello. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.RS256);

    /** A ceremony under way: its id, to send back with the answer, and the options for the browser. */
    record Ceremony<O>(UUID ceremony, O publicKey) {
    }

    /**
     * @param lastUsedAt the last sign-in with it; null before the first
     * @param synced     backed up by its maker (iCloud Keychain, Google Password Manager…): on the owner's devices
     */
    record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt, boolean synced) {
    }

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);
    private static final AttestationObjectConverter ATTESTATIONS =
            new AttestationObjectConverter(new ObjectConverter());

    private final Webauthn4JRelyingPartyOperations relyingParty;
    private final UserCredentialRepository credentials;
    private final PasskeyAccounts accounts;
    private final PasskeyCeremonies ceremonies;
    private final PublicKeyCredentialRpEntity rp;
    private final Organizers organizers;
    private final AccessTokens tokens;
    private final SecurityAudit audit;
    private final TransactionTemplate transactions;

    Passkeys(Webauthn4JRelyingPartyOperations relyingParty, UserCredentialRepository credentials,
             PasskeyAccounts accounts, PasskeyCeremonies ceremonies, PublicKeyCredentialRpEntity rp,
             Organizers organizers, AccessTokens tokens, SecurityAudit audit, TransactionTemplate transactions) {
        this.relyingParty = relyingParty;
        this.credentials = credentials;
        this.accounts = accounts;
        this.ceremonies = ceremonies;
        this.rp = rp;
        this.organizers = organizers;
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
    }

    Ceremony<PublicKeyCredentialCreationOptions> startAdding(UUID organizerId) {
        PublicKeyCredentialUserEntity user = accounts.of(organizerId);
        Bytes challenge = Bytes.random();
        // the account's passkeys are excluded: an authenticator holding one says so instead of making a second
        List<PublicKeyCredentialDescriptor> existing = credentials.findByUserId(user.getId()).stream()
                .map(c -> PublicKeyCredentialDescriptor.builder().id(c.getCredentialId())
                        .transports(c.getTransports()).build())
                .toList();
        return new Ceremony<>(ceremonies.start(organizerId, challenge), creationOptions(user, challenge, existing));
    }

    /**
     * @throws ErrorResponseException 422 for a spent ceremony or an answer that does not verify, 409 for a passkey on
     *                                an account already
     */
    Passkey add(UUID organizerId, UUID ceremony, PublicKeyCredential<AuthenticatorAttestationResponse> credential,
                String label) {
        Bytes challenge = ceremonies.take(ceremony, organizerId).orElseThrow(() -> Problems.unprocessable("ceremony",
                "unknown, answered already or older than five minutes: start again"));
        if (!complete(credential) || !attestedAs(credential)) {
            throw Problems.unprocessable("credential", "not what a browser's credential.toJSON() gives for the "
                    + "passkey its authenticator made");
        }
        CredentialRecord added = transactions.execute(status -> {
            // one registration of a credential id at a time: Spring's save updates a row it finds, so a second one
            // made meanwhile must see the first and be refused rather than overwrite it
            accounts.lockCredentialId(credential.getRawId());
            if (credentials.findByCredentialId(credential.getRawId()) != null) {
                throw Problems.conflict("this passkey is on an account already");
            }
            try {
                return relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                        creationOptions(accounts.of(organizerId), challenge, List.of()),
                        new RelyingPartyPublicKey(credential, label)));
            } catch (VerificationException | DataConversionException | IllegalArgumentException e) {
                log.info("a passkey of {} did not verify: {}", organizerId, e.toString());
                throw Problems.unprocessable("credential", "the authenticator's answer does not verify");
            }
        });
        audit.record(organizerId, SecurityAudit.Action.PASSKEY_ADDED, label);
        return view(added);
    }

    /**
     * Whether the credential's id is the one its authenticator attested (the id the key is stored under must be the
     * key's own, not one the client picked), in WebAuthn's bounds (at most 1023 bytes).
     */
    private static boolean attestedAs(PublicKeyCredential<AuthenticatorAttestationResponse> credential) {
        byte[] rawId = credential.getRawId().getBytes();
        if (rawId.length == 0 || rawId.length > 1023 || !credential.getId().equals(credential.getRawId()
                .toBase64UrlString())) {
            return false;
        }
        try {
            var attested = ATTESTATIONS.convert(credential.getResponse().getAttestationObject().getBytes())
                    .getAuthenticatorData().getAttestedCredentialData();
            return attested != null && Arrays.equals(attested.getCredentialId(), rawId);
        } catch (DataConversionException | IllegalArgumentException | NullPointerException unreadable) {
            return false;
        }
    }

    Ceremony<PublicKeyCredentialRequestOptions> startSignIn() {
        Bytes challenge = Bytes.random();
        return new Ceremony<>(ceremonies.start(null, challenge), requestOptions(challenge));
    }

    /** An access token, or empty: a spent ceremony, a passkey no account has, an answer that does not verify. */
    Optional<String> signIn(UUID ceremony, PublicKeyCredential<AuthenticatorAssertionResponse> credential) {
        Optional<Bytes> challenge = ceremonies.take(ceremony, null);
        if (challenge.isEmpty() || !complete(credential)) {
            return Optional.empty();
        }
        // the passkey's row stays locked until its new counter is saved: a removal waits, and cannot be undone by
        // the save, which inserts a row it does not find
        Optional<UUID> signedIn = transactions.execute(status -> accounts.lockPasskey(credential.getRawId())
                .filter(held -> verifies(held, challenge.get(), credential))
                .map(PasskeyAccounts.Held::organizerId));
        return signedIn.map(organizerId -> tokens.issue(organizerId, organizers.find(organizerId).email()));
    }

    private boolean verifies(PasskeyAccounts.Held held, Bytes challenge,
                             PublicKeyCredential<AuthenticatorAssertionResponse> credential) {
        UUID organizerId = held.organizerId();
        String label = held.label();
        try {
            relyingParty.authenticate(new RelyingPartyAuthenticationRequest(requestOptions(challenge), credential));
        } catch (VerificationException | DataConversionException | IllegalArgumentException e) {
            // a bad signature, another site's answer, a counter gone backwards (a cloned authenticator)
            audit.record(organizerId, SecurityAudit.Action.SIGN_IN_FAILED, "passkey " + label);
            return false;
        }
        audit.record(organizerId, SecurityAudit.Action.SIGNED_IN, "passkey " + label);
        return true;
    }

    List<Passkey> of(UUID organizerId) {
        return accounts.handleOf(organizerId).map(credentials::findByUserId).orElse(List.of()).stream()
                .map(Passkeys::view).sorted(Comparator.comparing(Passkey::createdAt)).toList();
    }

    /** @throws ErrorResponseException 404 unless the account has this passkey */
    void remove(UUID organizerId, String id) {
        Passkey passkey = of(organizerId).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> Problems.notFound("passkey", id));
        transactions.executeWithoutResult(status -> {
            accounts.lockPasskey(Bytes.fromBase64(passkey.id()));
            credentials.delete(Bytes.fromBase64(passkey.id()));
        });
        audit.record(organizerId, SecurityAudit.Action.PASSKEY_REMOVED, passkey.label());
    }

    /**
     * The options of adding a passkey, built the same when the ceremony starts and when its answer is checked (only
     * the challenge is kept in between).
     */
    private PublicKeyCredentialCreationOptions creationOptions(PublicKeyCredentialUserEntity user, Bytes challenge,
                                                              List<PublicKeyCredentialDescriptor> exclude) {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(rp)
                .user(user)
                .challenge(challenge)
                .pubKeyCredParams(ALGORITHMS)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build())
                .attestation(AttestationConveyancePreference.NONE)
                .excludeCredentials(exclude)
                .timeout(PasskeyCeremonies.TTL)
                .build();
    }

    private PublicKeyCredentialRequestOptions requestOptions(Bytes challenge) {
        return PublicKeyCredentialRequestOptions.builder()
                .challenge(challenge)
                .rpId(rp.getId())
                .userVerification(UserVerificationRequirement.REQUIRED)
                .allowCredentials(List.of())
                .timeout(PasskeyCeremonies.TTL)
                .build();
    }

    /** Whether a browser's answer has every part verifying it reads (Jackson leaves what is missing null). */
    private static boolean complete(PublicKeyCredential<?> credential) {
        if (credential.getId() == null || credential.getRawId() == null || credential.getResponse() == null
                || credential.getResponse().getClientDataJSON() == null) {
            return false;
        }
        if (credential.getResponse() instanceof AuthenticatorAttestationResponse made) {
            return made.getAttestationObject() != null;
        }
        return credential.getResponse() instanceof AuthenticatorAssertionResponse signed
                && signed.getAuthenticatorData() != null && signed.getSignature() != null;
    }

    private static Passkey view(CredentialRecord record) {
        // a new record is stamped as used when it is made: only a later stamp is a sign-in
        Instant signedIn = record.getLastUsed() != null && record.getLastUsed().isAfter(record.getCreated())
                ? record.getLastUsed() : null;
        return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
                signedIn, record.isBackupState());
    }
}
