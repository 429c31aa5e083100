package io.inviteflow.core.invitation;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationTokensTest {

    @Test
    void tokensCarry128RandomBitsAndAreUrlSafe() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = InvitationTokens.newToken();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
            assertThat(InvitationTokens.wellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(10_000);
    }

    @Test
    void rejectsWhatCannotBeAToken() {
        assertThat(InvitationTokens.wellFormed(null)).isFalse();
        assertThat(InvitationTokens.wellFormed("short")).isFalse();
        assertThat(InvitationTokens.wellFormed("AAAAAAAAAAAAAAAAAAAAA=")).isFalse();
        assertThat(InvitationTokens.wellFormed("' OR 1=1 --AAAAAAAAAAA")).isFalse();
    }

    @Test
    void storesOnlyAHashThatDiffersPerToken() {
        assertThat(InvitationTokens.hash("AAAAAAAAAAAAAAAAAAAAAA")).hasSize(32)
                .isNotEqualTo(InvitationTokens.hash("AAAAAAAAAAAAAAAAAAAAAB"));
    }
}
