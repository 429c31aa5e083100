package io.inviteflow.core.security;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Finds rows whose addresses are sealed ({@link PersonalText}) without opening them: beside each sealed address lies
 * its blind index, HMAC-SHA256 of the address in lower case under a key derived from the master key. Equal addresses
 * have equal indexes, so a person's rows are found (and two columns compared) in SQL; a copy of the database alone
 * does not tell whose they are, since guessing an address needs the master key. An erasure empties the index with
 * its box.
 */
@Component
public class BlindIndex {

    private static final byte[] KEY_LABEL = "blind-index".getBytes(StandardCharsets.UTF_8);
    private final byte[] key;

    BlindIndex(SecurityProperties properties) {
        this.key = Hmac.sha256(properties.masterKeyBytes(), KEY_LABEL);
    }

    /**
     * The index of a person key exactly as it is (an address PostgreSQL lower-cased): no second lower-casing, whose
     * rules could differ, makes two keys one.
     */
    public byte[] ofPersonKey(String personKey) {
        return Hmac.sha256(key, ("person\n" + personKey).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the index of the address (any case, surrounding blanks ignored); null for null or blank */
    public byte[] ofEmail(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return Hmac.sha256(key, ("email\n" + address.strip().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }
}
