package io.inviteflow.core.contact;

import io.inviteflow.core.contact.imports.ContactCard;
import io.inviteflow.core.contact.imports.ContactFileReader;
import io.inviteflow.core.contact.imports.ImportIssue;
import io.inviteflow.core.contact.imports.ParsedContacts;
import io.inviteflow.core.contact.imports.PointNormalizer;
import io.inviteflow.core.security.PersonalText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Brings a contacts file into the address book in one transaction: a card that shares an email, phone or profile
 * with a known contact (from this file or an earlier import) is merged into it instead of becoming a duplicate.
 */
@Service
class ContactImportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContactImportService.class);

    private final ContactRepository contacts;
    private final ContactLists lists;

    ContactImportService(ContactRepository contacts, ContactLists lists) {
        this.contacts = contacts;
        this.lists = lists;
    }

    /**
     * @param format   what the file was read as
     * @param imported new contacts
     * @param merged   cards that matched a contact already known (or earlier in the same file)
     * @param rejected cards or rows not imported, with line and reason
     * @param warnings imported with a caveat, with line and reason
     */
    record ImportReport(String format, int imported, int merged, List<ImportIssue> rejected,
                        List<ImportIssue> warnings, UUID listId) {
    }

    @Transactional
    ImportReport importFile(UUID organizerId, byte[] content, String region, String listName) {
        long started = System.nanoTime();
        ParsedContacts parsed = ContactFileReader.read(content, new PointNormalizer(region));
        long parsedAt = System.nanoTime();
        UUID listId = listName == null ? null : lists.findOrCreate(organizerId, listName).id();
        contacts.lockAddressBook(organizerId);
        Map<String, ContactRepository.PointOwner> owners = contacts.pointOwners(organizerId);
        Map<UUID, Integer> nextPosition = new HashMap<>();
        owners.values().forEach(o -> nextPosition.merge(o.contactId(), o.position() + 1, Math::max));

        List<ContactRepository.NewContact> created = new ArrayList<>();
        List<ContactRepository.NewContact> updated = new ArrayList<>();
        List<ContactRepository.NewPoint> points = new ArrayList<>();
        Set<UUID> touched = new LinkedHashSet<>();
        Set<UUID> createdIds = new java.util.HashSet<>();
        int merged = 0;
        for (ContactCard card : parsed.cards()) {
            List<String> keys = card.points().stream().map(contacts::keyOf).toList();
            UUID id = keys.stream().map(owners::get).filter(java.util.Objects::nonNull)
                    .map(ContactRepository.PointOwner::contactId).findFirst().orElse(null);
            if (id == null) {
                id = UUID.randomUUID();
                created.add(new ContactRepository.NewContact(id, card));
                createdIds.add(id);
            } else {
                merged++;
                // a contact created earlier in this same file is updated by a second statement after its insert
                updated.add(new ContactRepository.NewContact(id, card));
            }
            for (int i = 0; i < keys.size(); i++) {
                if (!owners.containsKey(keys.get(i))) {
                    int position = nextPosition.merge(id, 1, Integer::sum) - 1;
                    owners.put(keys.get(i), new ContactRepository.PointOwner(id, position));
                    points.add(new ContactRepository.NewPoint(id, card.points().get(i), position));
                }
            }
            touched.add(id);
        }
        long mergedAt = System.nanoTime();
        Set<UUID> known = new java.util.HashSet<>(touched);
        known.removeAll(createdIds);
        PersonalText.Sealer sealer = contacts.sealerFor(createdIds, known);
        contacts.insertContacts(organizerId, created, sealer);
        contacts.insertPoints(organizerId, points, sealer);
        contacts.fillMissing(updated, sealer);
        if (listId != null) {
            contacts.addMembers(listId, touched);
        }
        log.info("imported {} contacts ({} new, {} merged, {} rejected) from {}: read {} ms, merge {} ms, write {} ms",
                parsed.cards().size(), created.size(), merged, parsed.rejected().size(), parsed.format(),
                (parsedAt - started) / 1_000_000, (mergedAt - parsedAt) / 1_000_000,
                (System.nanoTime() - mergedAt) / 1_000_000);
        return new ImportReport(parsed.format(), created.size(), merged, parsed.rejected(), parsed.warnings(), listId);
    }
}
