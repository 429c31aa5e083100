package io.inviteflow.core.campaign;

import io.inviteflow.core.webhook.WebhookSignature;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/**
 * The mail relay's hook: {@code POST /webhooks/mail-feedback}, JSON {@code {kind, messageKey, recipient,
 * diagnostic}}, signed like Inviteflow's own webhooks ({@code Inviteflow-Signature: t=…,v1=…}, HMAC-SHA256 of
 * {@code "<t>.<body>"} with {@code inviteflow.mail-feedback.secret}, at most 5 minutes old). An adapter of the relay
 * in use (SES, Postmark, Mailgun… or a DSN reader of the bounce mailbox) turns the relay's reports into these. Off
 * (404) until a secret is configured.
 */
@RestController
class MailFeedbackController {

    private static final long TOLERANCE_SECONDS = 300;

    private final MailFeedback feedback;
    private final String secret;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    MailFeedbackController(MailFeedback feedback, @Value("${inviteflow.mail-feedback.secret:}") String secret,
                           Clock clock, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.feedback = feedback;
        this.secret = secret;
        this.clock = clock;
        this.json = json;
    }

    record Report(String kind, String messageKey, String recipient, String diagnostic) {
    }

    @PostMapping("/webhooks/mail-feedback")
    @Operation(summary = "The mail relay's report on a mail: kind DELIVERED | SOFT_BOUNCE | HARD_BOUNCE | COMPLAINT, "
            + "messageKey (the mail's X-Inviteflow-Reminder header), recipient, diagnostic; a hard bounce or a "
            + "complaint stops marketing to the address. Signed: Inviteflow-Signature")
    ResponseEntity<?> report(@RequestHeader(name = "Inviteflow-Signature", required = false) String signature,
                             @RequestBody(required = false) byte[] raw) {
        if (secret.isBlank()) {
            return ResponseEntity.notFound().build();
        }
        // the bytes as sent, whatever the content type says: the signature is over them
        String body = raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        if (!WebhookSignature.verifies(secret, signature, body, clock.instant().getEpochSecond(),
                TOLERANCE_SECONDS)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "no valid Inviteflow-Signature for this body (or older than 5 min)"));
        }
        Report report;
        try {
            report = json.readValue(body, Report.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "not a JSON report {kind, messageKey, recipient, diagnostic}"));
        }
        boolean recorded = feedback.record(report.kind(), report.messageKey(), report.recipient(),
                report.diagnostic());
        return ResponseEntity.ok(Map.of("recorded", recorded));
    }
}
