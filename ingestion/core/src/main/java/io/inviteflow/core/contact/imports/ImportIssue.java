package io.inviteflow.core.contact.imports;

/** A row or card that was rejected (or imported with a caveat), with the line it starts on and why. */
public record ImportIssue(int line, String reason) {
}
