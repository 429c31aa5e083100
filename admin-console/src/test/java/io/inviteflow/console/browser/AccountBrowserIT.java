package io.inviteflow.console.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.inviteflow.console.support.CoreStandIn;
import io.inviteflow.console.support.TestProperties;
import io.inviteflow.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser: the sign-in page's "Forgot password" asks the core for a link; the account page shows whether the address is confirmed and asks for a new link; the organizer
 * turns two-factor sign-in on from the account page (the QR code and the key, a
 * wrong code refused, the right one showing the recovery codes), and signing out signs the core's token out too;
 * the account page gives a copy of one's data, says which events keep the account open, and a closed account signs
 * out.
 * The core is the WireMock stand-in for its API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountBrowserIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anUnconfirmedAddressIsShownAndANewLinkAskedFor() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", UUID.randomUUID(), "Grace's garden party");
        CoreStandIn.hasAccount("token-grace", "hopper-1906", "JBSWY3DPEHPK3PXP", "287082", List.of("a"));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            // as a proxy in front of the console would say where the browser is
            page.setExtraHTTPHeaders(java.util.Map.of("X-Forwarded-For", "198.51.100.23"));
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            page.navigate("http://127.0.0.1:" + port + "/account");

            assertThat(page.locator("#account-address")).containsText("not confirmed yet");
            page.locator("#account-send-link").click();
            assertThat(page.getByText("A new link is on its way to grace@example.org.")).isVisible();
        }
        CoreStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/organizers/me/email-verification"))
                .withHeader("Authorization", equalTo("Bearer token-grace")));
        // the core counts sign-ins per client: the console tells it the browser's address (ForwardedClientAddress)
        CoreStandIn.server().verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/token"))
                .withHeader("X-Forwarded-For", equalTo("198.51.100.23")));
    }

    @Test
    void aNewOrganizerSignsUpFromTheSignInPage() {
        CoreStandIn.reset();
        CoreStandIn.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                urlPathEqualTo("/api/v1/organizers")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .okJson("{}").withStatus(201)));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port);
            page.getByText("New here? Create an account").click();
            page.locator("#sign-up-name input").fill("Margaret");
            page.locator("#sign-up-address input").fill("margaret@example.org");
            page.locator("#sign-up-password input").fill("hamilton-1936");
            page.locator("#sign-up").click();

            assertThat(page.locator("#sign-up-outcome")).containsText("Almost there: we mailed margaret@example.org");
        }
        CoreStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/organizers")).withRequestBody(
                equalToJson("{\"name\":\"Margaret\",\"email\":\"margaret@example.org\",\"password\":\"hamilton-1936\"}")));
    }

    @Test
    void aForgottenPasswordIsAskedForFromTheSignInPage() {
        CoreStandIn.reset();
        CoreStandIn.takesPasswordResetRequests();

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forgot password")).click();
            page.locator("#forgot-address input").fill("grace@example.org");
            page.locator("#forgot-send").click();

            assertThat(page.locator("#forgot-outcome")).containsText(
                    "If an account has the address grace@example.org, a link to choose a new password is on its way");
        }
        CoreStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/auth/password-reset"))
                .withRequestBody(equalToJson("{\"email\":\"grace@example.org\"}")));
    }

    @Test
    void twoFactorSignInIsTurnedOnFromTheAccountPage() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", UUID.randomUUID(), "Grace's garden party");
        CoreStandIn.hasAccount("token-grace", "hopper-1906", "JBSWY3DPEHPK3PXP", "287082",
                List.of("abcd-efgh-jkmn-pqrs", "stuv-wxyz-2345-6789"));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            page.getByText("grace@example.org").first().click();

            assertThat(page.getByText("Off. With it on")).isVisible();
            assertThat(page.getByText("Signed in", new Page.GetByTextOptions().setExact(true))).isVisible();
            page.locator("#account-password input").fill("hopper-1906");
            page.getByText("Turn on").click();
            assertThat(page.getByText("JBSWY3DPEHPK3PXP")).isVisible();
            assertThat(page.locator("img[alt='QR code for the authenticator app']")).isVisible();

            page.locator("#account-code input").fill("000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm").setExact(true)).click();
            assertThat(page.getByText("not the app's current code")).isVisible();
            page.locator("#account-code input").fill("287082");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm").setExact(true)).click();
            assertThat(page.getByText("abcd-efgh-jkmn-pqrs")).isVisible();

            page.getByText("Sign out").first().click();
            assertThat(page.locator("input[name=username]")).isVisible();
        }
        CoreStandIn.server().verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/sign-out")));
    }

    @Test
    void anAccountWithEventsAheadSaysWhatKeepsItOpenAndAClosedOneSignsOut() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", UUID.randomUUID(), "Grace's garden party");
        CoreStandIn.hasAccount("token-grace", "hopper-1906", "JBSWY3DPEHPK3PXP", "287082", List.of("a"));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            page.navigate("http://127.0.0.1:" + port + "/account");
            assertThat(page.locator("#account-closing-blockers"))
                    .containsText("Grace's garden party — not over yet: cancel it first");
            assertThat(page.locator("#account-close")).not().isVisible();
            assertThat(page.getByText("once your address is confirmed")).isVisible();

            CoreStandIn.canClose("token-grace", "hopper-1906");
            page.reload();
            com.microsoft.playwright.Download copy = page.waitForDownload(
                    () -> page.locator("#account-data-copy").click());
            org.assertj.core.api.Assertions.assertThat(copy.suggestedFilename()).isEqualTo("inviteflow-data.zip");
            org.assertj.core.api.Assertions.assertThat(readAll(copy)).as("the core's archive, as it sent it")
                    .containsExactly('P', 'K', 5, 6);
            page.locator("#account-closing-password input").fill("wrong-1906");
            page.locator("#account-close").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close it")).click();
            assertThat(page.getByText("not the account's password")).isVisible();

            page.locator("#account-closing-password input").fill("hopper-1906");
            page.locator("#account-close").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close it")).click();
            assertThat(page.locator("input[name=username]")).isVisible(); // signed out: the account is gone
        }
        CoreStandIn.server().verify(postRequestedFor(urlPathEqualTo("/api/v1/organizers/me/closure"))
                .withHeader("Authorization", equalTo("Bearer token-grace"))
                .withRequestBody(equalToJson("{\"password\":\"hopper-1906\"}")));
    }

    private static byte[] readAll(com.microsoft.playwright.Download download) {
        try {
            return java.nio.file.Files.readAllBytes(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
