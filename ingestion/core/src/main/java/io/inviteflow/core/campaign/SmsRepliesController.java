package io.inviteflow.core.campaign;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Set;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * Texts guests send to the organizers' number: Twilio's "a message comes in" webhook, {@code POST
 * /webhooks/sms-inbound}, form {@code From, To, Body…}, signed {@code X-Twilio-Signature}. The keywords carriers and
 * Twilio use: STOP (and STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE) withdraws the number's every yes to
 * texts; START, YES or UNSTOP confirms the number's yeses of the last day as coming from the phone itself and undoes
 * its STOP; HELP or INFO says what these texts are. A keyword is the whole text (punctuation and spaces aside). The answer is TwiML, whose {@code <Message>} Twilio texts back (in English: a
 * number has no language). Anything else is left unanswered. Off (404) until {@code inviteflow.sms.auth-token} is set.
 */
@RestController
class SmsRepliesController {

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE");
    private static final Set<String> START = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP", "INFO");

    private final SmsConsents consents;
    private final TwilioWebhook twilio;

    /** @param publicUrl this hook's URL as Twilio calls it (the number's messaging webhook); blank: as requested */
    SmsRepliesController(SmsConsents consents, @Value("${inviteflow.sms.auth-token:}") String authToken,
                         @Value("${inviteflow.sms.inbound-url:}") String publicUrl) {
        this.consents = consents;
        this.twilio = new TwilioWebhook(authToken, publicUrl);
    }

    @PostMapping(value = "/webhooks/sms-inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "A text to the organizers' number (Twilio's incoming message webhook): STOP, START/YES, HELP. "
            + "Answers TwiML. Signed: X-Twilio-Signature")
    ResponseEntity<?> received(HttpServletRequest request) {
        return twilio.answer(request, form -> {
            // a keyword is the whole text, as carriers take it: "Yes, I'm coming!" or "Cancel my plus-one" is not one
            String keyword = form.getOrDefault("Body", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                    .body(twiml(reply(keyword, form.getOrDefault("From", ""))));
        });
    }

    private String reply(String keyword, String from) {
        if (STOP.contains(keyword)) {
            consents.stopNumber(from);
            return "You will get no more texts from the events you said yes to. Reply START to get them again.";
        }
        if (START.contains(keyword)) {
            return consents.startNumber(from) > 0
                    ? "Thank you: the events you said yes to may text you. Reply STOP to end it."
                    : "There is no yes to texts for this number to confirm: say yes on your invitation page first.";
        }
        if (HELP.contains(keyword)) {
            return "Texts from the events you were invited to through Inviteflow. Reply STOP to end them, START to get "
                    + "them again.";
        }
        return null;
    }

    private static String twiml(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + (message == null ? "" : "<Message>" + htmlEscape(message, "UTF-8") + "</Message>") + "</Response>";
    }
}
