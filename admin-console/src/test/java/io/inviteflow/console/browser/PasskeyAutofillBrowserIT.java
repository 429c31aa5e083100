package io.inviteflow.console.browser;

import com.microsoft.playwright.Page;
import io.inviteflow.console.support.CoreStandIn;
import io.inviteflow.console.support.TestProperties;
import io.inviteflow.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The sign-in page offers the account's passkeys in the address field's autofill: the field says so
 * ({@code autocomplete="username webauthn"}) and the page asks the browser for a passkey with conditional mediation
 * as soon as it opens; the one picked signs in. A headless browser draws no autofill list to pick from, so the page
 * runs with the browser's {@code navigator.credentials.get} standing in for the person's pick: it answers a
 * conditional request with a credential, as the browser does once a passkey is chosen in the list. The core is the
 * WireMock stand-in for its API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasskeyAutofillBrowserIT {

    /** What the browser hands over when a passkey is picked in the autofill list (its {@code toJSON()}). */
    private static final String PICKED_IN_AUTOFILL = """
            PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(true);
            navigator.credentials.get = (request) => request.mediation !== 'conditional'
                ? Promise.reject(new DOMException('only the autofill is used here', 'NotAllowedError'))
                : Promise.resolve({toJSON: () => ({id: 'Y3JlZA', rawId: 'Y3JlZA', type: 'public-key',
                    authenticatorAttachment: 'platform', clientExtensionResults: {},
                    response: {clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA', userHandle: 'dQ'},
                    picked: request.mediation + ' ' + request.publicKey.challenge.byteLength})});""";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aPasskeyPickedInTheAddressFieldsAutofillSignsIn() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", UUID.randomUUID(), "Grace's garden party");
        CoreStandIn.server().stubFor(post(urlPathEqualTo("/api/v1/auth/token/passkey/options")).willReturn(okJson("""
                {"ceremony":"ceremony-1","publicKey":{"challenge":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
                 "rpId":"localhost","allowCredentials":[],"userVerification":"preferred","timeout":300000}}""")));
        CoreStandIn.server().stubFor(post(urlPathEqualTo("/api/v1/auth/token/passkey"))
                .withRequestBody(containing("\"ceremony\":\"ceremony-1\""))
                .willReturn(okJson("{\"accessToken\":\"token-grace\"}")));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            page.addInitScript(PICKED_IN_AUTOFILL);
            page.navigate("http://127.0.0.1:" + port + "/login");

            assertThat(page.getByText("Grace's garden party")).isVisible();
        }
        // the core got what the browser made for the ceremony the page opened with, asked for conditionally
        CoreStandIn.server().verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/token/passkey"))
                .withRequestBody(containing("\"picked\":\"conditional 32\"")));
    }

    @Test
    void theAddressFieldSaysItsAutofillHoldsPasskeys() {
        CoreStandIn.reset();
        CoreStandIn.server().stubFor(post(urlPathEqualTo("/api/v1/auth/token/passkey/options")).willReturn(okJson("""
                {"ceremony":"ceremony-2","publicKey":{"challenge":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
                 "rpId":"localhost","allowCredentials":[],"userVerification":"preferred"}}""")));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            page.navigate("http://127.0.0.1:" + port + "/login");

            assertThat(page.locator("input[name=username]")).hasAttribute("autocomplete", "username webauthn");
            assertThat(page.locator("#passkey-sign-in")).isVisible();
        }
    }
}
