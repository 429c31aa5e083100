package io.inviteflow.core.security;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
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
     * The keys earlier releases stored an address's person secret under: the address itself, and its V38 index. V40
     * moves those it can reach through an invitation; one whose invitations retention emptied stays, and an erasure
     * of the address destroys it by these.
     *
     * @param address in lower case, as a person asking for erasure gives it
     */
    public List<String> legacyPersonKeysOfEmail(String address) {
        return List.of(address, EMAIL_KEY + HexFormat.of().formatHex(ofLegacyPersonKey(address)));
    }

    /** The index earlier releases stored an address's person secret under (V38: the address as lower-cased then). */
    byte[] ofLegacyPersonKey(String personKey) {
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

    /**
     * The person key of a guest known by their address ({@code invitation.person_key}, the key of opt-outs and
     * consents, and of the person's own secret): {@code email:} and the address's index in hex; null for none.
     */
    public String personKeyOfEmail(String address) {
        byte[] of = ofEmail(address);
        return of == null ? null : EMAIL_KEY + HexFormat.of().formatHex(of);
    }

    /** How the person keys of {@link #personKeyOfEmail} begin. */
    public static final String EMAIL_KEY = "email:";

    /**
     * @param written a number in any form: compared as {@code +} and digits ({@link PhoneNumbers#plusAndDigits}), so
     *                the E.164 form of a number has the index of the number written so
     * @return the index of the number; null for one without digits
     */
    public byte[] ofNumber(String written) {
        String reduced = PhoneNumbers.plusAndDigits(written);
        return reduced == null ? null : Hmac.sha256(key, ("phone\n" + reduced).getBytes(StandardCharsets.UTF_8));
    }

    /** The index of the number's E.164 form ({@link PhoneNumbers#e164}); null for a number without a country code. */
    public byte[] ofMobile(String written) {
        return ofNumber(PhoneNumbers.e164(written));
    }

    /**
     * The index of an address-book point: its kind ({@code EMAIL}, {@code PHONE}, {@code LINKEDIN}…) and its value as
     * the import normalised it (lower-case address, E.164 number, …), exactly as it is.
     */
    public byte[] ofContactPoint(String kind, String value) {
        return Hmac.sha256(key, ("contact-point\n" + kind + ":" + value).getBytes(StandardCharsets.UTF_8));
    }
}
