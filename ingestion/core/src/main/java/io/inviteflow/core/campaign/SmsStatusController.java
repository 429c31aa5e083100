package io.inviteflow.core.campaign;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

/**
 * Twilio's status callback for the texts batch-jobs sends: {@code POST /webhooks/sms-status?key=<ledger key>}, form
 * {@code MessageSid, MessageStatus, To, ErrorCode…}, signed {@code X-Twilio-Signature} (Base64 HMAC-SHA1 under the
 * account's auth token of the URL Twilio called followed by the sorted POST parameters). {@code delivered} becomes a
 * DELIVERED report; {@code undelivered} and {@code failed} a bounce — hard for a handset that does not exist or cannot
 * take texts (30003 unreachable, 30005 unknown, 30006 landline), soft otherwise; the other statuses (queued, sent…)
 * change nothing. Off (404) until {@code inviteflow.sms.auth-token} is set.
 */
@RestController
class SmsStatusController {

    private static final Set<String> HANDSET_GONE = Set.of("30003", "30005", "30006");

    private final MailFeedback feedback;
    private final TwilioWebhook twilio;

    /**
     * @param publicUrl this hook's URL as Twilio calls it (what batch-jobs gives as {@code StatusCallback}); the
     *                  signature covers it, and behind a proxy it is not what this server sees
     */
    SmsStatusController(MailFeedback feedback, @Value("${inviteflow.sms.auth-token:}") String authToken,
                        @Value("${inviteflow.sms.status-callback-url:}") String publicUrl) {
        this.feedback = feedback;
        this.twilio = new TwilioWebhook(authToken, publicUrl);
    }

    @PostMapping(value = "/webhooks/sms-status", consumes = "application/x-www-form-urlencoded")
    @Operation(summary = "Twilio's status callback of a text (MessageStatus delivered | undelivered | failed, with "
            + "ErrorCode); the query's key names the message. Signed: X-Twilio-Signature")
    ResponseEntity<?> status(HttpServletRequest request) {
        return twilio.answer(request, form -> {
            String kind = switch (form.getOrDefault("MessageStatus", "")) {
                case "delivered" -> "DELIVERED";
                case "undelivered", "failed" -> HANDSET_GONE.contains(form.get("ErrorCode")) ? "HARD_BOUNCE"
                        : "SOFT_BOUNCE";
                default -> null;
            };
            if (kind == null) {
                return ResponseEntity.ok(Map.of("recorded", false));
            }
            String error = form.get("ErrorCode");
            boolean recorded = feedback.record(kind, request.getParameter("key"), form.get("To"),
                    error == null ? null : "Twilio error " + error);
            return ResponseEntity.ok(Map.of("recorded", recorded));
        });
    }
}
