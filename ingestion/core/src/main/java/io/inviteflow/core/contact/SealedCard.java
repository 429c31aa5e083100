package io.inviteflow.core.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.inviteflow.core.contact.imports.ContactCard;


/**
 * What a contact's sealed card holds: its names and organization, and whether its display name is only one of its
 * points (an address or number standing in for a name, which a later import with a real name replaces).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class) // named as the plain columns were: the person's copy
record SealedCard(String displayName, String firstName, String lastName, String organization,
                  boolean nameFromPoint) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SealedCard of(ContactCard card) {
        return new SealedCard(card.displayName(), card.firstName(), card.lastName(), card.organization(),
                card.nameFromPoint());
    }

    /**
     * A card of an earlier release, from its plain columns.
     *
     * @param nameFromPoint whether its display name is the value of one of its points (see {@link #NAME_FROM_POINT})
     */
    static SealedCard plain(String displayName, String firstName, String lastName, String organization,
                            boolean nameFromPoint) {
        return new SealedCard(displayName, firstName, lastName, organization, nameFromPoint);
    }

    /**
     * SQL on {@code contact c}: whether a card of an earlier release (which did not keep the flag) is named after one
     * of its points. Its points stay plain until its card is sealed ({@link PlainContacts}), so this can tell.
     */
    static final String NAME_FROM_POINT = "c.display_name IN (SELECT p.value FROM contact_point p "
            + "WHERE p.contact_id = c.id)";

    /**
     * What a later file knows that the address book did not: names fill empty ones, and a real name replaces one that
     * was only an address or number. Nothing the organizer already had is overwritten.
     */
    SealedCard filledFrom(SealedCard later) {
        boolean rename = nameFromPoint && !later.nameFromPoint();
        return new SealedCard(rename ? later.displayName() : displayName,
                firstName != null ? firstName : later.firstName(), lastName != null ? lastName : later.lastName(),
                organization != null ? organization : later.organization(), nameFromPoint && !rename);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the card in {@code json}; null for null (a card that no longer opens) */
    static SealedCard fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, SealedCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contact's card is not one", e);
        }
    }
}
