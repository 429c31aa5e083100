package io.inviteflow.console.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.inviteflow.console.support.CoreStandIn;
import io.inviteflow.console.support.TestProperties;
import io.inviteflow.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an admin makes a copy of a person's data (downloaded as the core's ZIP), erases them after a
 * confirmation, and sees the trail; an organizer who is not an admin has no Privacy page. The core is the WireMock
 * stand-in for its API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyBrowserIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anAdminCopiesAndErasesAPersonsData() throws Exception {
        byte[] zip = {'P', 'K', 3, 4, 1, 2, 3};
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin(TestProperties.ADMIN, "admin-secret", "token-admin");
        CoreStandIn.listsEvents("token-admin", UUID.randomUUID(), "Admin's own party");
        CoreStandIn.handlesPrivacy("token-admin", "ada@example.org", zip);

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn(TestProperties.ADMIN, "admin-secret");
            page.getByText("Privacy", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.getByText("admin@example.org").last()).isVisible(); // the trail's earlier copy

            page.getByLabel("Email address or mobile number").fill("not-an-address");
            page.getByText("Make a copy").click();
            assertThat(page.locator("#privacy-refusal")).containsText("not an email address");

            page.getByLabel("Email address or mobile number").fill("ada@example.org");
            page.getByText("Make a copy").click();
            Download download = page.waitForDownload(() -> page.locator("#privacy-download").click());
            assertThat(Files.readAllBytes(download.path())).isEqualTo(zip);

            page.getByText("Erase…").click();
            page.getByText("Keep it").click();
            CoreStandIn.server().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/admin/privacy/erasures")));
            page.getByText("Erase…").click();
            page.getByText("Erase everything").click();
            assertThat(page.getByText("Erased ada@example.org — invitations: 2, contacts: 1, events: 2."))
                    .isVisible();
        }
        CoreStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/admin/privacy/erasures")));
    }

    @Test
    void anOrganizerWhoIsNotAnAdminHasNoPrivacyPage() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", UUID.randomUUID(), "Grace's garden party");

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            assertThat(page.getByText("Grace's garden party")).isVisible();
            assertThat(page.getByText("Privacy", new Page.GetByTextOptions().setExact(true))).isHidden();
            page.navigate("http://127.0.0.1:" + port + "/privacy");
            assertThat(page.getByText("People's data")).isHidden();
        }
    }
}
