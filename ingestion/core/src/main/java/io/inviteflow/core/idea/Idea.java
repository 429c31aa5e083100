package io.inviteflow.core.idea;

import java.util.List;

/**
 * Something a guest may wear, give or bring, from the catalogue ({@code ideas/catalogue.json}).
 *
 * @param eventTypes the kinds of event (template ids) it suits
 * @param attributes what it is like ({@code formal}, {@code summer}, {@code homemade}…): a guest who picked one
 *                   thing is shown others alike before the model knows them; {@code registry} marks a gift from the
 *                   hosts' registry, which one guest gives
 */
record Idea(String id, Kind kind, String name, String description, List<String> eventTypes,
            List<String> attributes) {

    enum Kind { OUTFIT, GIFT, BRING }

    static final String REGISTRY = "registry";

    /** Only one guest of an event may pick it (a registry gift is given once). */
    boolean exclusive() {
        return attributes.contains(REGISTRY);
    }
}
