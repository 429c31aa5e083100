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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser: an organizer with two-factor sign-in types the password, then a code; a wrong code is said so
 * and may be typed again; the right one opens their events. The core is the WireMock stand-in for its API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecondFactorBrowserIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aCodeAfterThePasswordSignsIn() {
        UUID eventId = UUID.randomUUID();
        CoreStandIn.reset();
        CoreStandIn.asksForSecondFactor("ada@example.org", "analytical-1843", "challenge-ada", "492039", "token-ada");
        CoreStandIn.listsEvents("token-ada", eventId, "Ada's engine demo");

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("ada@example.org", "analytical-1843");

            assertThat(page.getByText("Two-factor sign-in")).isVisible();
            page.locator("#second-factor-code input").fill("111111");
            page.locator("#second-factor-code input").press("Enter");
            assertThat(page.getByText("That code did not work")).isVisible();

            page.locator("#second-factor-code input").fill("492039");
            page.locator("#second-factor-code input").press("Enter");
            assertThat(new EventsPage(page).event("Ada's engine demo")).isVisible();
        }
    }

    @Test
    void theCodePageWithoutAPasswordFirstIsTheSignInPage() {
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            page.navigate("http://127.0.0.1:" + port + "/login/code");
            assertThat(page.locator("input[name=username]")).isVisible();
        }
    }
}
