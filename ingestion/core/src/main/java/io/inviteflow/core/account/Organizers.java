package io.inviteflow.core.account;

import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other features of the core may ask about organizers. */
@Service
public class Organizers {

    private final OrganizerRepository repository;

    Organizers(OrganizerRepository repository) {
        this.repository = repository;
    }

    /** The name guests see as the host. */
    public String nameOf(UUID organizerId) {
        return find(organizerId).name();
    }

    public Organizer find(UUID organizerId) {
        return repository.find(organizerId).orElseThrow(() -> new IllegalStateException("no organizer " + organizerId));
    }

    /** Whether the account's owner proved they read its address (a confirmation link, or a password reset). */
    public boolean addressConfirmed(UUID organizerId) {
        return repository.addressConfirmed(organizerId);
    }

    /** The account of this address, if one is open. */
    public Optional<UUID> idOf(String email) {
        return repository.findCredentials(email).map(OrganizerRepository.StoredCredentials::id);
    }

    /** The accounts of these ids, their addresses and names opened together (a team's members, a list's handlers). */
    public Map<UUID, Organizer> findAll(Collection<UUID> organizerIds) {
        return repository.findAll(organizerIds);
    }
}
