package io.inviteflow.core.ticket;

import io.inviteflow.core.security.SecurityProperties;
import io.inviteflow.testsupport.PrintedTickets;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ticket code reads back from its QR image, whatever the code (ZXing's reader). */
class TicketQrTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("k".repeat(32).getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("l".repeat(32).getBytes());

    @Test
    void fiveHundredRandomCodesAllReadBack() {
        TicketCodes codes = new TicketCodes(new SecurityProperties(KEY_A, Duration.ofHours(1), KEY_B, KEY_B, KEY_B,
                KEY_A));
        for (int i = 0; i < 500; i++) {
            String code = codes.codeOf(UUID.randomUUID(), 1 + i % 3);
            assertThat(PrintedTickets.decode(TicketQr.image(code))).isEqualTo(code);
        }
    }
}
