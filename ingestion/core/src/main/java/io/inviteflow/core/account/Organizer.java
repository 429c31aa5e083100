package io.inviteflow.core.account;

import java.util.UUID;

/** Someone who creates events and invites guests. */
public record Organizer(UUID id, String email, String name) {
}
