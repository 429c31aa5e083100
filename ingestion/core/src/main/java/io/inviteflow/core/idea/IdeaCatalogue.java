package io.inviteflow.core.idea;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ideas shipped with the core ({@code ideas/catalogue.json}), read once at start, in the catalogue's order. */
@Component
class IdeaCatalogue {

    private final Map<String, Idea> byId = new LinkedHashMap<>();

    IdeaCatalogue(ObjectMapper json) {
        try (InputStream in = IdeaCatalogue.class.getResourceAsStream("/ideas/catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("ideas/catalogue.json is missing from the classpath");
            }
            for (Idea idea : json.readValue(in, new TypeReference<List<Idea>>() { })) {
                if (byId.put(idea.id(), idea) != null) {
                    throw new IllegalStateException("ideas/catalogue.json has " + idea.id() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ideas/catalogue.json does not read", e);
        }
    }

    /** The ideas for a kind of event (a template id), in the catalogue's order; none for null. */
    List<Idea> forType(String eventType) {
        return eventType == null ? List.of()
                : byId.values().stream().filter(i -> i.eventTypes().contains(eventType)).toList();
    }

    Optional<Idea> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
