package io.inviteflow.batch.campaign;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.push.PushTarget;
import io.inviteflow.batch.reminder.MailComposer;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a campaign will look like before it is scheduled, made by the very code that sends it
 * ({@link CampaignMessageProcessor}), for the marketing console:
 * <ul>
 *   <li>{@code POST /api/v1/campaigns/preview}: each version (A, and B of an A/B test) per channel — the mail's
 *       subject, plain text and HTML, the notification's title and body, the text message — for a sample person;</li>
 *   <li>{@code POST /api/v1/campaigns/test-mail}: those mails, subject marked as a test, to one address (the
 *       organizer's own), straight to the mail server: no ledger, no activity, no counted link or pixel.</li>
 * </ul>
 * Every link of a preview leads to {@code link} (the console's page of the event), so checking a test mail counts
 * nothing for any guest. At most 20 test mails an hour go to one address ({@link TestMailLimit}): the console sends
 * them to the signed-in organizer only, and this API is unauthenticated like the rest of it (the app binds to
 * 127.0.0.1 only, see README).
 */
@RestController
class CampaignPreviewController {

    private static final UUID SAMPLE = new UUID(0, 0);

    private final MailComposer composer;
    private final JavaMailSender mail;
    private final TestMailLimit limit = new TestMailLimit(20, java.time.Duration.ofHours(1));

    CampaignPreviewController(JavaMailSender mail, ReminderProperties properties) throws AddressException {
        this.mail = mail;
        this.composer = new MailComposer(mail, new InternetAddress(properties.from(), true));
    }

    /** A draft campaign and the sample person it is shown for. */
    record Draft(@NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 5000) String message,
                 @NotEmpty Set<@Pattern(regexp = "EMAIL|PUSH|SMS") String> channels,
                 @Size(max = 200) String subjectB, @Size(max = 5000) String messageB,
                 @NotBlank @Size(max = 300) String eventTitle, @Size(max = 200) String guestName,
                 @NotBlank @Pattern(regexp = "https?://\\S+") String link, MailTheme theme) {

        List<DueCampaign> versions() {
            var a = new DueCampaign(SAMPLE, subject, message, channels, null, 0, null, null, null, 0);
            boolean abTest = subjectB != null && !subjectB.isBlank() && messageB != null && !messageB.isBlank();
            return abTest ? List.of(a, new DueCampaign(SAMPLE, subjectB, messageB, channels, null, 0, null, null,
                    null, 0)) : List.of(a);
        }
    }

    record TestMail(@Valid Draft campaign, @NotBlank @Email String to) {
    }

    record Mail(String subject, String text, String html) {
    }

    record Notification(String title, String body, String url) {
    }

    /** @param length its characters (a long text goes out as several linked SMS, each billed) */
    record Text(String body, int length) {
    }

    record Version(String variant, Mail email, Notification push, Text sms) {
    }

    record Preview(List<Version> versions) {
    }

    @PostMapping("/api/v1/campaigns/preview")
    Preview preview(@Valid @RequestBody Draft draft) {
        List<Version> versions = new ArrayList<>();
        List<DueCampaign> drafts = draft.versions();
        for (int i = 0; i < drafts.size(); i++) {
            Outgoing out = render(drafts.get(i), draft, "preview@example.invalid");
            versions.add(new Version(i == 0 ? "A" : "B",
                    out.email() == null ? null : new Mail(out.email().subject(), out.email().textBody(),
                            out.email().htmlBody()),
                    out.push() == null ? null : new Notification(out.push().title(), out.push().body(),
                            out.push().url()),
                    out.sms() == null ? null : new Text(out.sms().body(), out.sms().body().length())));
        }
        return new Preview(versions);
    }

    record Sent(int mails, String to) {
    }

    /** One mail per version; the channels without a mail are seen in the preview only. */
    @PostMapping("/api/v1/campaigns/test-mail")
    Sent testMail(@Valid @RequestBody TestMail request) {
        List<DueCampaign> drafts = request.campaign().versions();
        List<MimeMessage> mails = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Reminder email = render(drafts.get(i), request.campaign(), request.to()).email();
            if (email != null) {
                String mark = drafts.size() > 1 ? "[Test, version " + (i == 0 ? "A" : "B") + "] " : "[Test] ";
                mails.add(composer.compose(new Reminder(email.kind(), email.invitationId(), email.partyEventId(),
                        email.recipient(), email.recipientName(), mark + email.subject(), email.textBody(),
                        email.htmlBody()).withStopUrl(email.stopUrl())));
            }
        }
        if (mails.isEmpty()) {
            throw new IllegalArgumentException("the campaign has no email channel: nothing to send as a test");
        }
        limit.take(request.to(), mails.size());
        mail.send(mails.toArray(MimeMessage[]::new));
        return new Sent(mails.size(), request.to());
    }

    private static Outgoing render(DueCampaign version, Draft draft, String email) {
        // a made-up subscription and number, so the notification and the text are rendered too; a preview sends
        // neither
        var sample = new CampaignRecipient(SAMPLE, SAMPLE, draft.eventTitle(), draft.guestName(), email, draft.link(),
                List.of(new PushTarget("https://push.example.invalid/preview", "", "", null)), "A", "+10000000000",
                draft.theme());
        return CampaignMessageProcessor.render(version, sample, CampaignLinks.uncounted(draft.link()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unprocessable(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    }

    @ExceptionHandler(org.springframework.mail.MailPreparationException.class)
    ProblemDetail unbuildable(org.springframework.mail.MailPreparationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "the test mail cannot be built: " + e.getMessage());
    }

    @ExceptionHandler(TestMailLimit.Exceeded.class)
    ProblemDetail tooMany(TestMailLimit.Exceeded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many test mails");
        return problem;
    }

    @ExceptionHandler(MailException.class)
    ProblemDetail mailServerDown(MailException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the mail server did not take the test mail: " + e.getMessage());
        problem.setTitle("Mail server unavailable");
        return problem;
    }
}
