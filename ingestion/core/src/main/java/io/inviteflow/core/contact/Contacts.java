package io.inviteflow.core.contact;

import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What other features of the core (inviting) may ask of the address book. */
@Service
public class Contacts {

    /** Larger than any list one invitation request may reach; keeps a single query bounded. */
    private static final int MAX_INVITEES = 100_000;

    private final ContactRepository repository;
    private final ContactLists lists;

    Contacts(ContactRepository repository, ContactLists lists) {
        this.repository = repository;
        this.lists = lists;
    }

    /**
     * The contacts of a list and/or given ids, each once, in name order.
     *
     * @throws org.springframework.web.ErrorResponseException 404 for a list or contact that is not the organizer's
     */
    public List<Contact> resolve(UUID organizerId, UUID listId, Collection<UUID> contactIds) {
        Set<UUID> wanted = new LinkedHashSet<>(contactIds == null ? List.of() : contactIds);
        if (!wanted.isEmpty()) {
            Set<UUID> owned = new java.util.HashSet<>(repository.owned(organizerId, wanted));
            if (owned.size() != wanted.size()) {
                UUID missing = wanted.stream().filter(id -> !owned.contains(id)).findFirst().orElseThrow();
                throw Problems.notFound("contact", missing);
            }
        }
        List<Contact> out = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        if (listId != null) {
            lists.requireOwned(organizerId, listId);
            for (Contact c : repository.page(organizerId, null, listId, 0, MAX_INVITEES).contacts()) {
                if (seen.add(c.id())) {
                    out.add(c);
                }
            }
        }
        wanted.removeAll(seen);
        if (!wanted.isEmpty()) {
            out.addAll(repository.withIds(wanted)); // owned: checked above
        }
        return out;
    }
}
