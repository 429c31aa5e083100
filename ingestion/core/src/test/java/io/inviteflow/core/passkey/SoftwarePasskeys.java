package io.inviteflow.core.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A phone with a passkey manager, as the API sees one: a browser at {@code origin} in front of a platform authenticator
 * that verifies its user (the flags UP and UV), makes one ES256 passkey with "none" attestation and signs with it,
 * counting each use. It takes the options the core sends (WebAuthn's JSON) and answers what {@code credential.toJSON()}
 * gives in a browser. The encodings are WebAuthn4J's (CBOR, authenticator data), the signatures the JDK's.
 */
final class SoftwarePasskeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter WEBAUTHN = new ObjectConverter();
    /** User present, user verified; with attested credential data when a passkey is made. */
    private static final byte PRESENT_AND_VERIFIED = AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV;

    private final String origin;
    private final byte[] credentialId = new byte[16];
    private KeyPair key;
    private byte[] userHandle;
    private long counter;

    SoftwarePasskeys(String origin) {
        this.origin = origin;
        new SecureRandom().nextBytes(credentialId);
    }

    /** {@code navigator.credentials.create({publicKey})}, as JSON. */
    ObjectNode create(JsonNode publicKey) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            key = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        userHandle = bytes(publicKey.at("/user/id"));
        var credential = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create(key, COSEAlgorithmIdentifier.ES256));
        var authenticatorData = new AuthenticatorData<RegistrationExtensionAuthenticatorOutput>(
                rpIdHash(publicKey.at("/rp/id").asText()),
                (byte) (PRESENT_AND_VERIFIED | AuthenticatorData.BIT_AT), counter, credential);
        byte[] attestationObject = new AttestationObjectConverter(WEBAUTHN)
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
        ObjectNode json = credential();
        json.putObject("response")
                .put("clientDataJSON", encode(clientData("webauthn.create", publicKey.get("challenge"))))
                .put("attestationObject", encode(attestationObject))
                .putArray("transports").add("internal");
        return json;
    }

    /** {@code navigator.credentials.get({publicKey})}, offering its passkey (discoverable: no list needed), as JSON. */
    ObjectNode get(JsonNode publicKey) {
        counter++;
        byte[] authenticatorData = new AuthenticatorDataConverter(WEBAUTHN).convert(new AuthenticatorData<>(
                rpIdHash(publicKey.get("rpId").asText()), PRESENT_AND_VERIFIED, counter));
        byte[] clientData = clientData("webauthn.get", publicKey.get("challenge"));
        ObjectNode json = credential();
        json.putObject("response").put("clientDataJSON", encode(clientData))
                .put("authenticatorData", encode(authenticatorData))
                .put("signature", encode(sign(authenticatorData, clientData)))
                .put("userHandle", encode(userHandle));
        return json;
    }

    private byte[] clientData(String type, JsonNode challenge) {
        ObjectNode data = JSON.createObjectNode().put("type", type).put("challenge", challenge.asText())
                .put("origin", origin).put("crossOrigin", false);
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** ECDSA over the authenticator data and the client data's hash, DER-encoded, as WebAuthn's ES256 is. */
    private byte[] sign(byte[] authenticatorData, byte[] clientData) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key.getPrivate());
            signature.update(authenticatorData);
            signature.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode credential() {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", encode(credentialId)).put("rawId", encode(credentialId)).put("type", "public-key")
                .put("authenticatorAttachment", "platform").putObject("clientExtensionResults");
        return json;
    }

    private static byte[] rpIdHash(String rpId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    private static byte[] bytes(JsonNode base64url) {
        return Base64.getUrlDecoder().decode(base64url.asText());
    }
}
