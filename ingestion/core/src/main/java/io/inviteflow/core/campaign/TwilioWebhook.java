package io.inviteflow.core.campaign;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Whether the account's auth token is set: without it nothing can be checked, and the hook is off. */
    boolean configured() {
        return signature.configured();
    }

    /** The form's parameters if Twilio signed them; empty for a request it did not. */
    Optional<Map<String, String>> verifiedForm(HttpServletRequest request) {
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
