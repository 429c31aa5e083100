package io.inviteflow.core.campaign;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioRequestSignatureTest {

    /** The example of Twilio's webhook security guide, with the signature it publishes for it. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> FORM = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675310",
            "Digits", "1234", "From", "+14158675310", "To", "+18005551212");

    @Test
    void matchesTwiliosPublishedExample() {
        assertThat(new TwilioRequestSignature("12345").verifies("GvWf1cFY/Q7PnoempGyD5oXAezc=", URL, FORM)).isTrue();
    }

    @Test
    void refusesAnotherTokenUrlOrParameter() {
        assertThat(new TwilioRequestSignature("54321").verifies("GvWf1cFY/Q7PnoempGyD5oXAezc=", URL, FORM)).isFalse();
        assertThat(new TwilioRequestSignature("12345").verifies("GvWf1cFY/Q7PnoempGyD5oXAezc=", URL + "&x=1", FORM))
                .isFalse();
        var changed = new java.util.HashMap<>(FORM);
        changed.put("Digits", "1235");
        assertThat(new TwilioRequestSignature("12345").verifies("GvWf1cFY/Q7PnoempGyD5oXAezc=", URL, changed)).isFalse();
        assertThat(new TwilioRequestSignature("12345").verifies(null, URL, FORM)).isFalse();
    }
}
