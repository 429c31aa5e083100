package io.inviteflow.core.campaign;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A request Twilio makes to one of the core's hooks, checked: its form, when {@code X-Twilio-Signature} is right for
 * the URL Twilio called and the form's parameters.
 */
final class TwilioWebhook {

    private final TwilioRequestSignature signature;
    private final String publicUrl;

    /**
     * @param publicUrl the hook's URL as Twilio calls it (the signature covers it, and behind a proxy it is not what
     *                  this server sees); blank: as requested
     */
    TwilioWebhook(String authToken, String publicUrl) {
        this.signature = new TwilioRequestSignature(authToken);
        this.publicUrl = publicUrl;
    }

    /**
     * {@code signed}'s answer to the form when Twilio signed the request; 404 while no auth token is set (nothing can
     * be checked: the hook is off), 403 for a request Twilio did not sign.
     */
    ResponseEntity<?> answer(HttpServletRequest request, Function<Map<String, String>, ResponseEntity<?>> signed) {
        if (!signature.configured()) {
            return ResponseEntity.notFound().build();
        }
        return verifiedForm(request).<ResponseEntity<?>>map(signed).orElseGet(() -> ResponseEntity
                .status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                        "no valid X-Twilio-Signature for this URL and these parameters")));
    }

    /** The form's parameters if Twilio signed them; empty for a request it did not. */
    private Optional<Map<String, String>> verifiedForm(HttpServletRequest request) {
        Map<String, String> form = postParameters(request);
        String url = (publicUrl.isBlank() ? request.getRequestURL().toString() : publicUrl)
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return signature.verifies(request.getHeader("X-Twilio-Signature"), url, form) ? Optional.of(form)
                : Optional.empty();
    }

    /** The form's parameters without the query's (the servlet API merges both; Twilio signs the form's alone). */
    private static Map<String, String> postParameters(HttpServletRequest request) {
        Set<String> inQuery = request.getQueryString() == null ? Set.of()
                : UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams().keySet();
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!inQuery.contains(name) && values.length > 0) {
                form.put(name, values[0]);
            }
        });
        return form;
    }
}
