package io.inviteflow.core.invitation;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class OpenCountryTest {

    private final OpenCountry behindCloudflare = new OpenCountry("CF-IPCountry");

    @Test
    void takesTheProxysTwoLetterCodeInUpperCase() {
        assertThat(behindCloudflare.of(sending(" de "))).isEqualTo("DE");
        assertThat(behindCloudflare.of(sending("JP"))).isEqualTo("JP");
    }

    @Test
    void unknownWhenTheProxyDoesNotKnowOrSendsSomethingElse() {
        assertThat(behindCloudflare.of(sending("XX"))).isNull(); // Cloudflare: unknown
        assertThat(behindCloudflare.of(sending("T1"))).isNull(); // Cloudflare: Tor
        assertThat(behindCloudflare.of(sending("Deutschland"))).isNull();
        assertThat(behindCloudflare.of(new MockHttpServletRequest())).isNull();
    }

    @Test
    void withoutAConfiguredHeaderTheCountryIsNeverTaken() {
        assertThat(new OpenCountry("").of(sending("DE"))).isNull();
        assertThat(new OpenCountry(null).of(sending("DE"))).isNull();
    }

    private static MockHttpServletRequest sending(String country) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("CF-IPCountry", country);
        return request;
    }
}
