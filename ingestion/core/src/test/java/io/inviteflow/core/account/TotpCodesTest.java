package io.inviteflow.core.account;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpCodesTest {

    /** RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" (8-digit vectors; the 6 last digits here). */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final TotpCodes codes = new TotpCodes();

    @Test
    void codesAreThoseOfRfc6238() {
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeIsGoodForItsStepAndTheOnesBesideItAndOnlyOnce() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;
        String current = codes.codeAt(RFC_SECRET, now);

        assertThat(codes.verify(RFC_SECRET, current, 0, now)).hasValue(step);
        assertThat(codes.verify(RFC_SECRET, " " + current + " ", 0, now)).as("spaces around").hasValue(step);
        assertThat(codes.verify(RFC_SECRET, current, 0, now.plusSeconds(30))).as("a step late").hasValue(step);
        assertThat(codes.verify(RFC_SECRET, current, 0, now.plusSeconds(60))).as("two steps late").isEmpty();
        assertThat(codes.verify(RFC_SECRET, current, step, now)).as("its step was used").isEmpty();
        assertThat(codes.verify(RFC_SECRET, "12345", 0, now)).isEmpty();
        assertThat(codes.verify(RFC_SECRET, null, 0, now)).isEmpty();
    }

    @Test
    void theLinkCarriesTheSecretInBase32() {
        assertThat(TotpCodes.otpauthUri(RFC_SECRET, "ada@example.org")).isEqualTo(
                "otpauth://totp/Inviteflow%3Aada%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Inviteflow"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
