package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A template of the core's catalogue, with what the console's event form shows of it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoreTemplate(String id, String name, String description, List<Theme> themes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Theme(String id, String name) {
    }
}
