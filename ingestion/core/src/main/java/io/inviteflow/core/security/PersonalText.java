package io.inviteflow.core.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a guest writes in their own words — the note with their answer, their answers to the event's questions, their
 * posts and comments on the wall (with the name they are signed with) — their name, address and number, and the
 * names and addresses of ticket buyers and holders, stored sealed (AES-256-GCM) under a key of their own, derived from the secret ({@link PersonSecrets})
 * of their invitation, order or ticket. Each box is bound to its person and to what it is ({@code note}, or the question and guest
 * of an answer): moved to another row or field it does not open. Destroying the person's secret (an erasure, the
 * retention rule) shreds every copy of the texts whose copy of {@code person_secret} is gone too (see
 * docs/security.md on backups). A box: version byte 1, 12-byte random nonce, ciphertext with its tag.
 */
@Component
public class PersonalText {

    private static final Logger log = LoggerFactory.getLogger(PersonalText.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] KEY_LABEL = "personal-text".getBytes(StandardCharsets.UTF_8);
    private final PersonSecrets secrets;
    private final SecureRandom random = new SecureRandom();

    PersonalText(PersonSecrets secrets) {
        this.secrets = secrets;
    }

    /** The person key a guest's texts are sealed under: their invitation's own, so it never changes. */
    public static String personKey(UUID invitationId) {
        return "invitation:" + invitationId;
    }

    /** What an answer's box is bound to: its question and which of the party answered. */
    public static String answer(UUID questionId, int guest) {
        return "answer:" + questionId + ":" + guest;
    }

    public static final String NOTE = "note";
    /** What the box of the organizer's personal message to a guest is bound to. */
    public static final String MESSAGE = "message";

    /** What the box of the name a wall post or comment is signed with is bound to: its row. */
    public static String wallAuthor(UUID postOrComment) {
        return "wall:" + postOrComment + ":author";
    }

    /** What the box of a wall post's or comment's text is bound to: its row. */
    public static String wallBody(UUID postOrComment) {
        return "wall:" + postOrComment + ":body";
    }

    /** The person key a ticket order's buyer is sealed under: the order's own, as its buyer may be anyone. */
    public static String orderKey(UUID orderId) {
        return "order:" + orderId;
    }

    /**
     * The person key a ticket's holder is sealed under: the ticket's, in the version of its code, which a transfer
     * bumps. Giving a ticket away destroys the secret of the version before, so the previous holder's name and
     * address shred in every copy of the database.
     */
    public static String ticketKey(UUID ticketId, int codeVersion) {
        return "ticket:" + ticketId + ":" + codeVersion;
    }

    /** The person key an address-book contact is sealed under: the contact's own. */
    public static String contactKey(UUID contactId) {
        return "contact:" + contactId;
    }

    /** The person key an organizer's own address and name are sealed under: the account's. */
    public static String organizerKey(UUID organizerId) {
        return "organizer:" + organizerId;
    }

    /** The person key the address a team invitation was mailed to is sealed under: the invitation's own. */
    public static String teamInviteKey(UUID inviteId) {
        return "team-invite:" + inviteId;
    }

    /** What the box of a contact's card (names, organization) is bound to. */
    public static final String CARD = "card";

    /** What the box of a contact point's value is bound to: the point's kind, so an address never opens as a number. */
    public static String point(String kind) {
        return "point:" + kind;
    }

    /** What the box of a guest's, buyer's, holder's or organizer's name is bound to. */
    public static final String NAME = "name";
    /** What the box of a guest's, buyer's, holder's or organizer's address is bound to. */
    public static final String EMAIL = "email";
    /** What the box of a guest's phone number is bound to. */
    public static final String PHONE = "phone";

    /** @return the sealed text; null for null */
    public byte[] seal(String personKey, String purpose, String text) {
        if (text == null) {
            return null;
        }
        return box(textKey(secrets.of(personKey)), personKey, purpose, text);
    }

    /** The key a person's texts are sealed with, derived from their secret (once per person a sealer or opener has). */
    private static byte[] textKey(byte[] secret) {
        return Hmac.sha256(secret, KEY_LABEL);
    }

    private static Map<String, byte[]> textKeys(Map<String, byte[]> secrets) {
        Map<String, byte[]> keys = new java.util.HashMap<>();
        secrets.forEach((person, secret) -> keys.put(person, textKey(secret)));
        return keys;
    }

    private byte[] box(byte[] textKey, String personKey, String purpose, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, textKey, personKey, purpose, nonce,
                text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    /** Seals texts of many people, whose secrets are read or made in one go. */
    public Sealer sealerFor(Collection<String> personKeys) {
        return sealer(secrets.ofAll(personKeys));
    }

    /**
     * Seals texts of rows being created, whose keys cannot have a secret yet (new invitations, orders, tickets): their
     * secrets are made in one batch without a lookup.
     */
    public Sealer sealerForNew(Collection<String> newKeys) {
        return sealer(secrets.make(newKeys));
    }

    private Sealer sealer(Map<String, byte[]> found) {
        Map<String, byte[]> keys = textKeys(found);
        return (personKey, purpose, text) -> text == null ? null : box(keys.get(personKey), personKey, purpose, text);
    }

    /** Seals a text of one of the people a sealer was made for; null for null. */
    @FunctionalInterface
    public interface Sealer {
        byte[] seal(String personKey, String purpose, String text);
    }

    /** The text; empty for null, or when it no longer opens (its person's secret destroyed: the text is shredded). */
    public Optional<String> open(String personKey, String purpose, byte[] box) {
        return box == null ? Optional.empty()
                : secrets.find(personKey).map(secret -> openOrNull(textKey(secret), personKey, purpose, box));
    }

    /** Opens the texts of many people, whose secrets are read in one query (a page of a guest list). */
    public Opener openerFor(Collection<String> personKeys) {
        Map<String, byte[]> keys = textKeys(secrets.findAll(personKeys));
        return (personKey, purpose, box) -> box == null || !keys.containsKey(personKey) ? null
                : openOrNull(keys.get(personKey), personKey, purpose, box);
    }

    /** A text of one of the people an opener was made for; null for none, or one that no longer opens. */
    @FunctionalInterface
    public interface Opener {
        String open(String personKey, String purpose, byte[] box);

        /** The sealed text opened, or the plain one of a row written before texts were sealed. */
        default String openOr(String personKey, String purpose, byte[] box, String plain) {
            return box == null ? plain : open(personKey, purpose, box);
        }
    }

    /**
     * Null for a box that does not open (not one of ours, or sealed under a secret that is not this one): one
     * unreadable text must not take a whole guest list down with it; it is logged.
     */
    private static String openOrNull(byte[] textKey, String personKey, String purpose, byte[] box) {
        if (box.length < 1 + NONCE_BYTES || box[0] != VERSION) {
            log.warn("a sealed {} of {} is not a box of this version", purpose, personKey);
            return null;
        }
        try {
            byte[] plain = crypt(Cipher.DECRYPT_MODE, textKey, personKey, purpose,
                    Arrays.copyOfRange(box, 1, 1 + NONCE_BYTES), Arrays.copyOfRange(box, 1 + NONCE_BYTES, box.length));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            log.warn("a sealed {} of {} does not open with its person's key", purpose, personKey);
            return null;
        }
    }

    private static byte[] crypt(int mode, byte[] textKey, String personKey, String purpose, byte[] nonce,
                                byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(textKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((personKey + "\n" + purpose).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a personal text does not open with its person's key", e);
        }
    }
}
