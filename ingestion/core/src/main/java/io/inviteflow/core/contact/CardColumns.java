package io.inviteflow.core.contact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contact's opened card as the columns it was kept in before it was sealed (display_name, first_name, last_name,
 * organization), for a person's copy of their data; how it was imported is not about the person and stays out. Here,
 * so the card's format is known in one place ({@link SealedCard}).
 */
public final class CardColumns {

    private CardColumns() {
    }

    /** @param json an opened {@code card_sealed} */
    public static Map<String, Object> of(String json) {
        SealedCard card = SealedCard.fromJson(json);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("display_name", card.displayName());
        columns.put("first_name", card.firstName());
        columns.put("last_name", card.lastName());
        columns.put("organization", card.organization());
        return columns;
    }
}
