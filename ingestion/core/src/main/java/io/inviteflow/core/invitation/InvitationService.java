package io.inviteflow.core.invitation;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.account.Organizers;
import io.inviteflow.core.event.EventQuestions;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.event.Question;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Inviting, opening and answering. Each change and its activity are committed together. */
@Service
class InvitationService {

    static final String AGGREGATE = "invitation";

    private final InvitationRepository repository;
    private final Events events;
    private final ActivityOutbox outbox;
    private final CoreProperties properties;
    private final InvitationTokens tokens;
    private final EventQuestions questions;
    private final Waitlist waitlist;
    private final Organizers organizers;
    private final ChatRoomKeys roomKeys;
    private final Clock clock;
    private final CampaignRecipients campaignRecipients;

    InvitationService(InvitationRepository repository, Events events, ActivityOutbox outbox,
                      CoreProperties properties, InvitationTokens tokens, EventQuestions questions,
                      Waitlist waitlist, Organizers organizers, ChatRoomKeys roomKeys, Clock clock,
                      CampaignRecipients campaignRecipients) {
        this.repository = repository;
        this.campaignRecipients = campaignRecipients;
        this.roomKeys = roomKeys;
        this.organizers = organizers;
        this.questions = questions;
        this.waitlist = waitlist;
        this.tokens = tokens;
        this.events = events;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One recipient. {@code message}, {@code theme} and {@code maxPlusOnes} override the request's for this guest;
     * {@code contactId} links the invitation to the address book.
     */
    record Guest(String name, String firstName, String lastName, String email, String phone, String message,
                 String theme, Integer maxPlusOnes, UUID contactId) {
    }

    /** What the organizer gets back: the token is shown once and never stored in clear. */
    record IssuedInvitation(UUID id, String name, String token, String link, String message) {
    }

    /** What applies to every guest of one request unless the guest says otherwise. */
    record Defaults(String message, String theme, Integer maxPlusOnes) {
    }

    @Transactional
    List<IssuedInvitation> invite(UUID organizerId, UUID eventId, List<Guest> guests, Defaults defaults) {
        PartyEvent event = events.requireOwned(eventId, organizerId);
        if (event.cancelled()) {
            throw Problems.conflict("the event is cancelled");
        }
        Personalisation personalisation = personalisation(event);
        List<InvitationRepository.NewInvitation> rows = new ArrayList<>(guests.size());
        List<IssuedInvitation> issued = new ArrayList<>(guests.size());
        List<ActivityOutbox.Entry> activities = new ArrayList<>(guests.size());
        for (Guest guest : guests) {
            UUID id = UUID.randomUUID();
            String token = tokens.tokenFor(id);
            String message = personalisation.message(guest, guest.message() != null ? guest.message()
                    : defaults.message());
            String theme = guest.theme() != null ? guest.theme() : defaults.theme();
            rows.add(new InvitationRepository.NewInvitation(id, eventId, InvitationTokens.hash(token),
                    guest.name().trim(), blankToNull(guest.email()), blankToNull(guest.phone()), message,
                    guest.contactId(), guest.maxPlusOnes() != null ? guest.maxPlusOnes() : defaults.maxPlusOnes(),
                    theme, null));
            issued.add(new IssuedInvitation(id, guest.name().trim(), token, link(token, eventId), message));
            String channel = guest.email() != null && !guest.email().isBlank() ? "email" : "link";
            activities.add(new ActivityOutbox.Entry(ActivityType.INVITATION_CREATED, AGGREGATE, id, eventId,
                    new Payloads.InvitationCreated(organizerId, theme != null ? theme
                            : event.theme() != null ? event.theme() : event.template(), channel, event.template())));
        }
        repository.insertAll(rows);
        outbox.recordAll(activities);
        return issued;
    }

    Personalisation personalisation(PartyEvent event) {
        return new Personalisation(event, organizers.nameOf(event.organizerId()));
    }

    /**
     * Records one open (every view counts; consumers count distinct invitations).
     *
     * @param via        the channel of the reminder whose link brought the guest ({@code email}, {@code push}), or null
     * @param campaignId the campaign whose link brought the guest, or null
     * @param language   the language the page is shown in, e.g. {@code de}
     * @param country    where the open came from ({@link OpenCountry}), or null
     */
    @Transactional
    Optional<GuestInvitation> open(String token, String client, String via, UUID campaignId, String language,
                                   String country) {
        Optional<GuestInvitation> invitation = find(token);
        invitation.ifPresent(i -> {
            repository.recordOpen(i.id(), clock.instant(), language);
            // a campaign id in the link is credited only if the campaign reached this guest
            UUID credited = campaignId != null && campaignRecipients.includes(campaignId, i.id()) ? campaignId : null;
            outbox.record(new ActivityOutbox.Entry(ActivityType.INVITATION_OPENED, AGGREGATE, i.id(),
                    i.partyEventId(), new Payloads.InvitationOpened(client, via, credited, country)));
        });
        return invitation;
    }

    /**
     * Takes a guest's answer (the latest counts). For an event with a capacity the event row is locked first, so
     * places are counted one answer at a time.
     */
    @Transactional
    GuestInvitation answer(String token, Rsvp response, int plusOnes, String note, List<QuestionAnswer> answers) {
        InvitationRepository.AnswerTarget target = (InvitationTokens.wellFormed(token)
                ? repository.findForAnswer(token) : Optional.<InvitationRepository.AnswerTarget>empty())
                .orElseThrow(() -> Problems.notFound("invitation", "for this token"));
        GuestInvitation current = target.invitation();
        PartyEvent event = events.find(current.partyEventId()).orElseThrow();
        Attendance before = current.attendance();
        if (event.capacity() != null) {
            event = events.lockForAnswers(event.id());
            before = repository.standing(current.id()).attendance(); // read again under the lock
        }
        Instant now = clock.instant();
        AnswerRules.eventOpen(event, now);
        AnswerRules.responseAllowed(event, response, plusOnes, current.maxPlusOnes());
        List<Question> eventQuestions = questions.of(event.id());
        List<QuestionAnswer> checked = AnswerRules.answers(eventQuestions, answers, response, plusOnes);
        Waitlist.Placement placement = waitlist.place(event, current.id(), response, plusOnes, now);

        GuestInvitation answered = repository.answer(current.id(), response, plusOnes, note, placement.attendance(),
                placement.waitlistedAt(), now).withAnswers(checked);
        if (!checked.isEmpty() || target.hasAnswers()) {
            repository.replaceAnswers(current.id(), checked);
        }
        outbox.record(new ActivityOutbox.Entry(ActivityType.RSVP_ANSWERED, AGGREGATE, answered.id(),
                answered.partyEventId(),
                new Payloads.RsvpAnswered(response, plusOnes, answered.answerVersion(), target.mailable(),
                        QuestionChoices.of(eventQuestions, checked))));
        if (placement.attendance() == Attendance.WAITLISTED && before != Attendance.WAITLISTED) {
            waitlist.recordJoined(answered);
        }
        if (event.capacity() != null && (before != null || placement.attendance() == Attendance.WAITLISTED)) {
            waitlist.promote(event); // a place may have freed up (or this guest may now be first in line)
        }
        return answered;
    }

    Optional<GuestInvitation> find(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return repository.findByToken(token);
    }

    /** The guest's calendar entry, or empty for an unknown token. */
    Optional<String> calendar(String token) {
        return find(token).map(invitation -> {
            PartyEvent event = events.find(invitation.partyEventId()).orElseThrow();
            return InvitationCalendar.ics(event, invitation, repository.email(invitation.id()).orElse(null),
                    organizers.find(event.organizerId()), link(token, event.id()), clock.instant());
        });
    }

    /**
     * A guest invites a friend (when the organizer allows it, up to the event's number per guest). The friend gets
     * their own invitation, credited to the guest in its activity.
     */
    @Transactional
    IssuedInvitation referFriend(String token, String friendName, String friendEmail) {
        GuestInvitation inviter = find(token).orElseThrow(() -> Problems.notFound("invitation", "for this token"));
        PartyEvent event = events.find(inviter.partyEventId()).orElseThrow();
        int allowed = events.guestOptions(event.id()).friendInvites();
        // only guests the organizer invited pass invitations on (no chains), and not a guest banned from the wall
        if (allowed == 0 || repository.referredOrBanned(inviter.id())) {
            throw Problems.coded(Problems.forbidden("the organizer does not let guests invite friends to this event"),
                    "noFriendInvites");
        }
        if (event.cancelled()) {
            throw Problems.coded(Problems.conflict("the event is cancelled"), "cancelled");
        }
        if (friendName == null || friendName.isBlank() || friendName.length() > 200) {
            throw Problems.coded(Problems.unprocessable("name", "your friend's name, up to 200 characters"),
                    "friendName");
        }
        String email = blankToNull(friendEmail);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw Problems.coded(Problems.unprocessable("email", "not an email address"), "email");
        }
        repository.lockForReferrals(inviter.id());
        if (repository.referralsBy(inviter.id()) >= allowed) {
            throw Problems.coded(Problems.conflict("you have invited " + allowed
                    + " friend(s), as many as the organizer allows"), "friendsUsed", allowed);
        }
        UUID id = UUID.randomUUID();
        String friendToken = tokens.tokenFor(id);
        String message = inviter.guestName() + " invites you along.";
        repository.insertAll(List.of(new InvitationRepository.NewInvitation(id, event.id(),
                InvitationTokens.hash(friendToken), friendName.strip(), email, null, message, null, null,
                inviter.theme(), inviter.id())));
        String theme = inviter.theme() != null ? inviter.theme()
                : event.theme() != null ? event.theme() : event.template();
        outbox.record(new ActivityOutbox.Entry(ActivityType.INVITATION_CREATED, AGGREGATE, id, event.id(),
                new Payloads.InvitationCreated(event.organizerId(), theme, "referral", event.template(),
                        inviter.id())));
        return new IssuedInvitation(id, friendName.strip(), friendToken, link(friendToken, event.id()), message);
    }

    private static final java.util.Set<String> SHARE_TARGETS = java.util.Set.of("native", "whatsapp", "email", "copy");

    /** A share button was tapped: {@code native} (the phone's share sheet), {@code whatsapp}, {@code email}, {@code copy}. */
    @Transactional
    void recordShare(String token, String target) {
        GuestInvitation guest = find(token).orElseThrow(() -> Problems.notFound("invitation", "for this token"));
        if (!SHARE_TARGETS.contains(target)) {
            throw Problems.unprocessable("target", "one of " + new java.util.TreeSet<>(SHARE_TARGETS));
        }
        outbox.record(new ActivityOutbox.Entry(ActivityType.INVITATION_SHARED, AGGREGATE, guest.id(),
                guest.partyEventId(), new Payloads.InvitationShared(target)));
    }

    /** The organizer withdraws an invitation: its link shows nothing any more. */
    @Transactional
    void revoke(UUID organizerId, UUID eventId, UUID invitationId) {
        events.requireOwned(eventId, organizerId);
        if (!repository.revoke(eventId, invitationId, clock.instant())) {
            throw Problems.notFound("invitation", invitationId);
        }
    }

    String linkFor(UUID invitationId, UUID eventId) {
        return link(tokens.tokenFor(invitationId), eventId);
    }

    /** The guest's link: the token opens the invitation, the fragment (never sent to a server) the chat. */
    private String link(String token, UUID eventId) {
        return properties.publicUrl().resolve("/i/" + token) + "#k=" + roomKeys.roomKey(eventId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
