package io.inviteflow.core.invitation;

import io.inviteflow.core.security.SecurityProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationTokensTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("a".repeat(32).getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());
    private static final String KEY_C = Base64.getEncoder().encodeToString("c".repeat(32).getBytes());

    private final InvitationTokens tokens = tokens(KEY_A);

    @Test
    void tokensCarry128BitsAreUrlSafeAndDifferPerInvitation() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = tokens.tokenFor(UUID.randomUUID());
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
            assertThat(InvitationTokens.wellFormed(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void theSameInvitationAlwaysGetsTheSameLinkButOnlyUnderTheSameKey() {
        UUID invitation = UUID.randomUUID();

        assertThat(tokens.tokenFor(invitation)).isEqualTo(tokens(KEY_A).tokenFor(invitation));
        assertThat(tokens.tokenFor(invitation)).isNotEqualTo(tokens(KEY_B).tokenFor(invitation));
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

    private static InvitationTokens tokens(String key) {
        return new InvitationTokens(new SecurityProperties(KEY_A, Duration.ofHours(1), key, KEY_C, KEY_A, KEY_A, KEY_A));
    }
}
