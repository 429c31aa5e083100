package io.inviteflow.core.ticket;

import io.inviteflow.core.security.Hmac;
import io.inviteflow.core.security.SecurityProperties;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * What a ticket's QR code says: {@code IFT1.<ticket id and code version>.<HMAC-SHA256 of them, 128 bits>}, base64url.
 * The id is random and the signature needs the ticket key, so a code can be neither guessed nor forged; a transfer
 * raises the version, so the previous holder's code is recognised as replaced.
 */
@Component
public class TicketCodes {

    private static final String PREFIX = "IFT1.";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    TicketCodes(SecurityProperties properties) {
        this.key = properties.ticketKeyBytes();
    }

    /** A code that is genuine: it was signed here, for this ticket and version. */
    public record Verified(UUID ticketId, int version) {
    }

    public String codeOf(UUID ticketId, int version) {
        byte[] body = body(ticketId, version);
        return PREFIX + ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
    }

    /** Empty for anything not signed by us: altered, truncated, made up or signed with another key. */
    public Optional<Verified> verify(String code) {
        if (code == null || code.length() > 100 || !code.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = code.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] body = DECODER.decode(parts[0]);
            byte[] signature = DECODER.decode(parts[1]);
            // only the canonical spelling: base64 leaves spare bits in the last character that decode the same
            if (body.length != 20 || !ENCODER.encodeToString(body).equals(parts[0])
                    || !ENCODER.encodeToString(signature).equals(parts[1])
                    || !MessageDigest.isEqual(sign(body), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(body);
            return Optional.of(new Verified(new UUID(buffer.getLong(), buffer.getLong()), buffer.getInt()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] body(UUID ticketId, int version) {
        return ByteBuffer.allocate(20).putLong(ticketId.getMostSignificantBits())
                .putLong(ticketId.getLeastSignificantBits()).putInt(version).array();
    }

    private byte[] sign(byte[] body) {
        byte[] message = new byte[body.length + 7];
        System.arraycopy("ticket:".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, message, 0, 7);
        System.arraycopy(body, 0, message, 7, body.length);
        return Arrays.copyOf(Hmac.sha256(key, message), SIGNATURE_BYTES);
    }
}
