package io.inviteflow.core.privacy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's right to a copy of their data and to its erasure, handled by an admin or confirmed by the person through
 * their own link ({@code admin} null), and recorded in the trail.
 */
@Service
class PrivacyService {

    record Export(UUID requestId, byte[] archive) {
    }

    /** @param erased rows erased or emptied, per kind; {@code events}: party events told to forget them */
    record Erasure(UUID requestId, Map<String, Integer> erased) {
    }

    private final PersonRecords records;
    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;
    private final PrivacyRequests requests;
    private final Clock clock;

    PrivacyService(PersonRecords records, PersonalDataExport export, PersonalDataErasure erasure,
                   PrivacyRequests requests, Clock clock) {
        this.records = records;
        this.export = export;
        this.erasure = erasure;
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional
    Export export(Person person, UUID admin) {
        PersonRecords.Found found = records.find(person);
        UUID id = UUID.randomUUID();
        requests.record(id, "EXPORT", person, admin, counts(found));
        return new Export(id, export.archive(person, found, clock.instant()));
    }

    /** All or nothing: one transaction, with the activities that carry it to Kafka. */
    @Transactional
    Erasure erase(Person person, UUID admin) {
        PersonRecords.Found found = records.find(person);
        UUID id = UUID.randomUUID();
        Map<String, Integer> erased = new LinkedHashMap<>(erasure.erase(person, found, id));
        erased.put("events", found.invitationsByEvent().size());
        requests.record(id, "ERASURE", person, admin, erased);
        return new Erasure(id, erased);
    }

    List<PrivacyRequests.Handled> trail() {
        return requests.latest(100);
    }

    private static Map<String, Integer> counts(PersonRecords.Found found) {
        return Map.of("invitations", found.invitations().size(), "ticket_orders", found.orders().size(),
                "tickets", found.tickets().size(), "contacts", found.contacts().size());
    }
}
