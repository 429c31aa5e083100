package io.inviteflow.core.contact.imports;

import io.inviteflow.core.contact.ContactPoint;

import java.util.List;

/**
 * One person as read from an imported file.
 *
 * @param line            where the person starts in the file (1-based), for the import report
 * @param nameFromPoint   true when the file gave no name and {@code displayName} is an email, phone or handle
 */
public record ContactCard(int line, String displayName, boolean nameFromPoint, String firstName, String lastName,
                          String organization, List<ContactPoint> points) {
}
