package io.inviteflow.core.privacy;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.guestpage.GuestText;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A guest's own request for a copy or an erasure. A guest invited with an address gets a link mailed to it (their
 * invitation link alone proves nothing about the address: an organizer could invite anyone's address and open the
 * link), and the request reaches every event of that address once the link is confirmed. A guest without an address
 * acts on their own invitation at once. Either way it is recorded in the trail like an admin's, handled by nobody.
 */
@Service
@EnableConfigurationProperties(PrivacyProperties.class)
class SelfServicePrivacy {

    static final String EXPORT = "EXPORT";
    static final String ERASURE = "ERASURE";

    enum Asked { MAILED, TOO_MANY }

    /** A confirmed link's outcome: the copy (for EXPORT) or what was erased. */
    record Done(PrivacyService.Export copy, PrivacyService.Erasure erasure) {
    }

    private final PersonRecords records;
    private final PrivacyConfirmations confirmations;
    private final PrivacyMail mail;
    private final PrivacyService privacy;
    private final PrivacyProperties properties;
    private final CoreProperties core;
    private final Clock clock;

    SelfServicePrivacy(PersonRecords records, PrivacyConfirmations confirmations, PrivacyMail mail,
                       PrivacyService privacy, PrivacyProperties properties, CoreProperties core, Clock clock) {
        this.records = records;
        this.confirmations = confirmations;
        this.mail = mail;
        this.privacy = privacy;
        this.properties = properties;
        this.core = core;
        this.clock = clock;
    }

    Optional<String> emailOf(UUID invitation) {
        return records.emailOf(invitation);
    }

    /**
     * Mails the confirmation link; the request is stored only if the mail went out (the transaction rolls back on a
     * refused mail, and the guest is told to try again).
     *
     * @throws org.springframework.mail.MailException when the mail server refused or could not be reached
     */
    @Transactional
    Asked ask(String kind, String email, GuestText t) {
        confirmations.lockAddress(email);
        if (confirmations.madeSince(email, clock.instant().minus(Duration.ofDays(1)))
                >= properties.requestsPerAddressPerDay()) {
            return Asked.TOO_MANY;
        }
        String token = confirmations.create(kind, email, properties.confirmationTtl());
        mail.sendConfirmation(email, kind, core.publicUrl() + "/privacy/" + token, t);
        return Asked.MAILED;
    }

    Optional<PrivacyConfirmations.Pending> pending(String token) {
        return confirmations.peek(token);
    }

    /** Carries out a confirmed link once; empty for a link used, expired or unknown. */
    @Transactional
    Optional<Done> confirm(String token) {
        return confirmations.take(token).map(p -> {
            Person person = Person.of(p.email(), null);
            return p.kind().equals(EXPORT) ? new Done(privacy.export(person, null), null)
                    : new Done(null, privacy.erase(person, null));
        });
    }

    /** A guest without an address: their invitation's copy. */
    PrivacyService.Export copyOfInvitation(UUID invitation) {
        return privacy.export(Person.ofInvitation(invitation), null);
    }

    /** A guest without an address: their invitation's data erased. */
    PrivacyService.Erasure eraseInvitation(UUID invitation) {
        return privacy.erase(Person.ofInvitation(invitation), null);
    }
}
