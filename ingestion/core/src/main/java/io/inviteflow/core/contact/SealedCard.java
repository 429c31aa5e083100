package io.inviteflow.core.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.inviteflow.core.contact.imports.ContactCard;

import java.util.regex.Pattern;

/**
 * What a contact's sealed card holds: its names and organization, and whether its display name is only one of its
 * points (an address or number standing in for a name, which a later import with a real name replaces).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class) // named as the plain columns were: the person's copy
record SealedCard(String displayName, String firstName, String lastName, String organization,
                  boolean nameFromPoint) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An address or number used as a name, in a row of an earlier release (which did not keep the flag). */
    private static final Pattern POINT_LIKE = Pattern.compile(".*@.*|\\+?[0-9 ()./-]{5,}");

    static SealedCard of(ContactCard card) {
        return new SealedCard(card.displayName(), card.firstName(), card.lastName(), card.organization(),
                card.nameFromPoint());
    }

    /** A card of an earlier release, from its plain columns. */
    static SealedCard plain(String displayName, String firstName, String lastName, String organization) {
        return new SealedCard(displayName, firstName, lastName, organization,
                displayName != null && POINT_LIKE.matcher(displayName).matches());
    }

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
