package io.inviteflow.batch.confirmation;

import io.inviteflow.batch.reminder.ReminderWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.mail.MailException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Confirms a chunk of answers: one call to the core for their current state, a mail for each that is still the
 * guest's latest answer (older ones are closed silently: the newer answer has its own request), sent through the
 * reminders' ledger so nobody gets the same confirmation twice, then the requests are closed.
 */
class AnswerConfirmationWriter implements ItemWriter<ConfirmationRequest> {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfirmationWriter.class);
    /** Refusals of the mail server after which a confirmation is given up. */
    static final int MAX_ATTEMPTS = 5;

    private final AnswerConfirmationsClient core;
    private final ReminderWriter mail;
    private final ConfirmationRequests requests;

    AnswerConfirmationWriter(AnswerConfirmationsClient core, ReminderWriter mail, ConfirmationRequests requests) {
        this.core = core;
        this.mail = mail;
        this.requests = requests;
    }

    @Override
    public void write(Chunk<? extends ConfirmationRequest> chunk) throws Exception {
        List<UUID> invitations = chunk.getItems().stream().map(ConfirmationRequest::invitationId).distinct().toList();
        Map<UUID, AnswerConfirmation> current = core.current(invitations).stream()
                .collect(Collectors.toMap(AnswerConfirmation::invitationId, Function.identity()));
        List<UUID> done = new ArrayList<>();
        for (ConfirmationRequest request : chunk) {
            AnswerConfirmation answer = current.get(request.invitationId());
            if (answer != null && answer.response() != null && !answer.cancelled()
                    && answer.answerVersion() == request.answerVersion()) {
                try {
                    mail.write(new Chunk<>(List.of(ConfirmationMail.of(request.activityId(), answer))));
                } catch (MailException refused) {
                    // this one waits for the next run (its ledger row says failed, so it may go then); the rest
                    // of the chunk goes on: one bad address must not hold back everyone's confirmation
                    if (requests.refused(request.activityId(), MAX_ATTEMPTS)) {
                        log.warn("confirmation {} given up after {} refusals: {}", request.activityId(),
                                MAX_ATTEMPTS, refused.getMessage());
                    }
                    continue;
                }
            }
            done.add(request.activityId());
        }
        requests.close(done);
    }
}
