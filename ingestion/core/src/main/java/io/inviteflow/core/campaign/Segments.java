package io.inviteflow.core.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** A campaign's segment as it is stored (jsonb) and read back. */
@Component
class Segments {

    private final ObjectMapper json;

    Segments(ObjectMapper json) {
        this.json = json;
    }

    String write(Segment segment) {
        try {
            return json.writeValueAsString(segment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Segment read(String stored) {
        try {
            return json.readValue(stored, Segment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored segment is JSON", e);
        }
    }
}
