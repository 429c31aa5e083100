package io.inviteflow.core.ticket;

import io.inviteflow.core.security.SecurityProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TicketCodesTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("a".repeat(32).getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());
    private static final String KEY_C = Base64.getEncoder().encodeToString("c".repeat(32).getBytes());

    private final TicketCodes codes = codes(KEY_A);

    @Test
    void aCodeVerifiesToItsTicketAndVersion() {
        UUID ticket = UUID.randomUUID();
        assertThat(codes.verify(codes.codeOf(ticket, 3))).contains(new TicketCodes.Verified(ticket, 3));
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String code = codes.codeOf(UUID.randomUUID(), 1);
        for (int i = 5; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '.') {
                continue;
            }
            String altered = code.substring(0, i) + (c == 'x' ? 'y' : 'x') + code.substring(i + 1);
            assertThat(codes.verify(altered)).as("changed at %d: %s", i, altered).isEmpty();
        }
    }

    @Test
    void anotherKeyAnotherVersionOrGarbageIsRefused() {
        UUID ticket = UUID.randomUUID();
        assertThat(codes(KEY_B).verify(codes.codeOf(ticket, 1))).isEmpty();
        String v1 = codes.codeOf(ticket, 1);
        String v2 = codes.codeOf(ticket, 2);
        String mixed = v2.substring(0, v2.lastIndexOf('.')) + v1.substring(v1.lastIndexOf('.'));
        assertThat(codes.verify(mixed)).isEmpty();
        assertThat(codes.verify(null)).isEmpty();
        assertThat(codes.verify("")).isEmpty();
        assertThat(codes.verify("IFT1.")).isEmpty();
        assertThat(codes.verify("IFT1.%%%.%%%")).isEmpty();
        assertThat(codes.verify(v1 + ".extra")).isEmpty();
        assertThat(codes.verify(v1.repeat(5))).isEmpty();
    }

    private static TicketCodes codes(String ticketKey) {
        return new TicketCodes(new SecurityProperties(KEY_A, Duration.ofHours(1), KEY_C, KEY_B, KEY_C, ticketKey,
                KEY_A));
    }
}
