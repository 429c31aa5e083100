package io.inviteflow.core.passkey;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJackson2Module;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Spring Security's WebAuthn relying party, used as a library: the core is a token API, so the ceremonies are its
 * own endpoints ({@link PasskeyController}) rather than Spring Security's session-bound filters, and the checks of
 * each answer (challenge, origin, signature, counter, user verification) are Spring Security's and WebAuthn4J's.
 */
@Configuration
@EnableConfigurationProperties(PasskeyProperties.class)
class PasskeyConfiguration {

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcTemplate jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    PublicKeyCredentialRpEntity relyingPartyEntity(PasskeyProperties properties) {
        return PublicKeyCredentialRpEntity.builder().id(properties.rpId()).name(properties.rpName()).build();
    }

    @Bean
    Webauthn4JRelyingPartyOperations relyingParty(PasskeyAccounts accounts, UserCredentialRepository credentials,
                                                  PublicKeyCredentialRpEntity rp, PasskeyProperties properties) {
        return new Webauthn4JRelyingPartyOperations(accounts, credentials, rp, properties.origins());
    }

    /** WebAuthn's JSON (base64url bytes, its enum spellings) for the API's ceremonies; only WebAuthn types change. */
    @Bean
    WebauthnJackson2Module webauthnJson() {
        return new WebauthnJackson2Module();
    }
}
