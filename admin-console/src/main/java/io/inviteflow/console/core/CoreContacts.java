package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/** The core's address-book API, as the console reads it (fields it does not show are ignored). */
public final class CoreContacts {

    private CoreContacts() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(String value, boolean usable, String label, String kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListRef(UUID id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(UUID id, String displayName, String organization, List<Point> emails, List<Point> phones,
                          List<Point> profiles, List<ListRef> lists) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(long total, int offset, List<Contact> contacts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactList(UUID id, String name, long size) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issue(int line, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(String format, int imported, int merged, List<Issue> rejected, List<Issue> warnings) {
    }
}
