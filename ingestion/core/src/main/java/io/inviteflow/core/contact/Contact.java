package io.inviteflow.core.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person in an organizer's address book, as the API shows it. */
public record Contact(UUID id, String displayName, String firstName, String lastName, String organization,
                      List<ContactPoint> emails, List<ContactPoint> phones, List<ContactPoint> profiles,
                      List<ListRef> lists) {

    public record ListRef(UUID id, String name) {
    }

    /** The first email or phone that can be used to send to; null when there is none. */
    public String bestEmail() {
        return emails.stream().filter(ContactPoint::usable).map(ContactPoint::value).findFirst().orElse(null);
    }

    public String bestPhone() {
        return phones.stream().filter(ContactPoint::usable).map(ContactPoint::value).findFirst().orElse(null);
    }

    static final class Builder {
        private final UUID id;
        private final String displayName;
        private final String firstName;
        private final String lastName;
        private final String organization;
        private final List<ContactPoint> emails = new ArrayList<>();
        private final List<ContactPoint> phones = new ArrayList<>();
        private final List<ContactPoint> profiles = new ArrayList<>();
        private final List<ListRef> lists = new ArrayList<>();

        Builder(UUID id, String displayName, String firstName, String lastName, String organization) {
            this.id = id;
            this.displayName = displayName;
            this.firstName = firstName;
            this.lastName = lastName;
            this.organization = organization;
        }

        void add(ContactPoint point) {
            switch (point.kind()) {
                case EMAIL -> emails.add(point);
                case PHONE -> phones.add(point);
                default -> profiles.add(point);
            }
        }

        void list(ListRef list) {
            lists.add(list);
        }

        Contact build() {
            return new Contact(id, displayName, firstName, lastName, organization, emails, phones, profiles, lists);
        }
    }
}
