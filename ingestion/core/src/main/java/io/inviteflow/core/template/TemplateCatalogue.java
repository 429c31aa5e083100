package io.inviteflow.core.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The template catalogue shipped with the core ({@code templates/catalogue.json}), read once at start. */
@Service
public class TemplateCatalogue {

    private final Map<String, EventTemplate> byId = new LinkedHashMap<>();
    private final Map<String, EventTemplate.Theme> themes = new LinkedHashMap<>();

    public TemplateCatalogue(ObjectMapper json) {
        try (InputStream in = TemplateCatalogue.class.getResourceAsStream("/templates/catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("templates/catalogue.json is missing from the classpath");
            }
            for (EventTemplate t : json.readValue(in, new TypeReference<List<EventTemplate>>() { })) {
                byId.put(t.id(), t);
                t.themes().forEach(theme -> themes.put(theme.id(), theme));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("templates/catalogue.json does not read", e);
        }
    }

    public List<EventTemplate> all() {
        return List.copyOf(byId.values());
    }

    public Optional<EventTemplate> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Any template's theme by its id (theme ids are unique across the catalogue). */
    public Optional<EventTemplate.Theme> theme(String themeId) {
        return Optional.ofNullable(themeId == null ? null : themes.get(themeId));
    }
}
