package io.inviteflow.core.contact;

/**
 * One email, phone or social handle of a contact.
 *
 * @param value  normalised (lower-case email, E.164 phone, lower-case handle) where possible, else as written
 * @param usable false when the value could not be normalised: kept so nothing is lost, never used to send anything
 * @param label  what the source called it (home, work, cell…), or null
 */
public record ContactPoint(PointKind kind, String value, boolean usable, String label) {

    /** Two points with the same key are the same address, whatever their labels. */
    public String key() {
        return kind.name() + ':' + value;
    }
}
