package io.inviteflow.core.passkey;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Set;

/**
 * WebAuthn's relying party.
 *
 * @param rpId    the domain passkeys are made for: the console's host name (browsers refuse IP addresses)
 * @param rpName  the name authenticators show beside the account
 * @param origins where browsers run the ceremonies from: the console's address as the browser shows it
 */
@ConfigurationProperties("inviteflow.passkeys")
record PasskeyProperties(String rpId, String rpName, Set<String> origins) {
}
