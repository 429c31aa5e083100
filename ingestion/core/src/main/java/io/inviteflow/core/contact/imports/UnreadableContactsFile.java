package io.inviteflow.core.contact.imports;

/** The upload is not a contacts file this import understands (binary, unknown layout, broken JSON). */
public class UnreadableContactsFile extends RuntimeException {

    public UnreadableContactsFile(String message) {
        super(message);
    }
}
