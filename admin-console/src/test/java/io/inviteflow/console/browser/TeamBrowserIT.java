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

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser, against the WireMock stand-in of the core's team API: the events page lists the events one
 * co-organizes beside one's own, the owner invites a viewer from an event's Team dialog, and a mailed link's
 * join page — reached through the sign-in page — says what it invites to and joins on a click.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamBrowserIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anOwnerInvitesACoOrganizerAndSeesTheEventsTheyCoOrganize() {
        CoreStandIn.reset();
        UUID own = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", own, "Grace's garden party");
        CoreStandIn.hasEvent("token-grace", shared, "Linus's launch");
        CoreStandIn.isOnTeams("token-grace", """
                [{"ownerId":"%s","ownerName":"Linus","role":"CO_ORGANIZER","eventId":"%s","eventTitle":"Linus's launch"}]
                """.formatted(UUID.randomUUID(), shared));
        CoreStandIn.server().stubFor(get(urlPathEqualTo("/api/v1/events/" + own + "/team"))
                .withHeader("Authorization", equalTo("Bearer token-grace"))
                .willReturn(okJson("""
                        {"members":[{"memberId":"%s","name":"Ada","email":"ada@example.org","role":"CO_ORGANIZER"}],
                         "invitations":[]}""".formatted(UUID.randomUUID()))));
        CoreStandIn.server().stubFor(post(urlPathEqualTo("/api/v1/events/" + own + "/team/invitations"))
                .willReturn(okJson("{}").withStatus(201)));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            assertThat(page.getByText("Linus's launch")).isVisible();
            assertThat(page.getByText("with Linus")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Team")))
                    .hasCount(1); // the owner's own event only

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Team")).click();
            assertThat(page.locator("#team-members")).containsText("ada@example.org");
            assertThat(page.locator("#team-members")).containsText("Co-organizer");
            page.locator("#team-invite-address input").fill("linus@example.org");
            page.locator("#team-invite-role").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Viewer")).click();
            page.locator("#team-invite").click();
            assertThat(page.getByText("An invitation is on its way to linus@example.org.")).isVisible();
        }
        CoreStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/events/" + own + "/team/invitations"))
                .withHeader("Authorization", equalTo("Bearer token-grace"))
                .withRequestBody(equalToJson("{\"email\":\"linus@example.org\",\"role\":\"VIEWER\"}")));
    }

    @Test
    void aMailedLinkLeadsThroughSignInToWhatItInvitesToAndJoins() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", UUID.randomUUID(), "Grace's garden party");
        String offer = """
                {"ownerId":"%s","ownerName":"Linus","role":"CO_ORGANIZER","eventId":"%s","eventTitle":"Linus's launch"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        CoreStandIn.server().stubFor(get(urlPathEqualTo("/api/v1/team-invitations/link-123"))
                .withHeader("Authorization", equalTo("Bearer token-grace")).willReturn(okJson(offer)));
        CoreStandIn.server().stubFor(post(urlPathEqualTo("/api/v1/team-invitations/link-123/accept"))
                .withHeader("Authorization", equalTo("Bearer token-grace")).willReturn(okJson(offer)));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            page.navigate("http://127.0.0.1:" + port + "/join/link-123");
            page.locator("input[name=username]").fill("grace@example.org");
            page.locator("input[name=password]").fill("hopper-1906");
            page.locator("input[name=password]").press("Enter");

            assertThat(page.locator("#join-offer")).containsText("Linus invites you to co-organize \"Linus's launch\"");
            CoreStandIn.server().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/team-invitations/link-123/accept")));
            page.locator("#join").click();
            assertThat(page.getByText("Your events")).isVisible();
        }
        CoreStandIn.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/team-invitations/link-123/accept")));
    }

    @Test
    void aMarketerWorksOnAnotherOrganizersContactsWhenChosen() {
        CoreStandIn.reset();
        UUID linus = UUID.randomUUID();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", UUID.randomUUID(), "Grace's garden party");
        CoreStandIn.isOnTeams("token-grace", """
                [{"ownerId":"%s","ownerName":"Linus","role":"MARKETING","eventId":null,"eventTitle":null}]"""
                .formatted(linus));
        CoreStandIn.server().stubFor(get(urlPathEqualTo("/api/v1/contact-lists")).willReturn(okJson("[]")));
        CoreStandIn.server().stubFor(get(urlPathEqualTo("/api/v1/contacts")).willReturn(okJson(contacts("Ada Own"))));
        CoreStandIn.server().stubFor(get(urlPathEqualTo("/api/v1/contacts"))
                .withHeader("Inviteflow-Organizer", equalTo(linus.toString())).atPriority(1)
                .willReturn(okJson(contacts("Margaret Of-Linus"))));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            page.navigate("http://127.0.0.1:" + port + "/contacts");
            assertThat(page.getByText("Ada Own")).isVisible();

            page.locator("#working-for").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Linus")).click();
            assertThat(page.getByText("Margaret Of-Linus")).isVisible();
            assertThat(page.getByText("Ada Own")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/contacts?for=" + linus);
        }
        CoreStandIn.server().verify(postRequestedFor(urlPathEqualTo("/api/v1/auth/token")));
        CoreStandIn.server().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v1/contacts")).withHeader("Authorization", equalTo("Bearer token-grace"))
                .withHeader("Inviteflow-Organizer", equalTo(linus.toString())));
    }

    @Test
    void aViewerSeesAnEventsGuestsAndSalesWithNoWayToChangeThem() {
        CoreStandIn.reset();
        UUID own = UUID.randomUUID();
        UUID followed = UUID.randomUUID();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", own, "Grace's garden party");
        CoreStandIn.hasEvent("token-grace", followed, "Linus's launch");
        CoreStandIn.isOnTeams("token-grace", """
                [{"ownerId":"%s","ownerName":"Linus","role":"VIEWER","eventId":"%s","eventTitle":"Linus's launch"}]
                """.formatted(UUID.randomUUID(), followed));
        String event = "/api/v1/events/" + followed;
        CoreStandIn.server().stubFor(get(urlPathEqualTo(event + "/guests")).willReturn(okJson("""
                {"totals":{"invited":1,"opened":1,"yes":1,"no":0,"maybe":0,"unanswered":0,"confirmedHeadcount":1,
                 "waitlisted":0},"matching":1,"guests":[{"id":"%s","name":"Ada Lovelace","email":"ada@example.org",
                 "response":"YES","attendance":"CONFIRMED","plusOnes":0}]}""".formatted(UUID.randomUUID()))));
        CoreStandIn.server().stubFor(get(urlPathEqualTo(event + "/ticket-settings")).willReturn(okJson("""
                {"currency":"EUR","vatBasisPoints":1900,"feeFixedMinor":0,"feeBasisPoints":0,
                 "transfersAllowed":true}""")));
        CoreStandIn.server().stubFor(get(urlPathEqualTo(event + "/sales")).willReturn(okJson("[]")));
        CoreStandIn.server().stubFor(get(urlPathEqualTo(event + "/gateway-errors")).willReturn(okJson("[]")));
        CoreStandIn.server().stubFor(get(urlPathEqualTo(event + "/orders")).willReturn(okJson("""
                [{"id":"%s","buyerName":"Alan Turing","buyerEmail":"alan@example.org","status":"PAID",
                  "currency":"EUR","totalMinor":2500,"refundedMinor":0,"gateway":"stripe",
                  "createdAt":"2026-11-01T10:00:00Z","paidAt":"2026-11-01T10:01:00Z"}]"""
                .formatted(UUID.randomUUID()))));
        CoreStandIn.server().stubFor(get(urlPathEqualTo(event + "/reminder-rules")).willReturn(okJson(
                "[{\"id\":\"%s\",\"kind\":\"BEFORE_EVENT\",\"offset\":\"P1D\",\"channels\":[\"EMAIL\"]}]"
                        .formatted(UUID.randomUUID()))));

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            String console = "http://127.0.0.1:" + port;
            new LoginPage(page, console).signIn("grace@example.org", "hopper-1906");
            assertThat(page.getByText("with Linus (view only)")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change")))
                    .hasCount(1); // the organizer's own event only

            page.navigate(console + "/events/" + followed + "/guests");
            assertThat(page.getByText("Ada Lovelace")).isVisible();
            assertThat(page.locator("#view-only")).containsText("viewer");
            assertThat(page.getByText("Invite", new Page.GetByTextOptions().setExact(true))).hasCount(0);
            assertThat(page.getByText("Cancel event…")).hasCount(0);
            assertThat(page.getByText("Add question")).hasCount(0);

            page.navigate(console + "/events/" + followed + "/tickets");
            assertThat(page.getByText("Alan Turing")).isVisible();
            assertThat(page.getByText("Refund…")).hasCount(0);
            assertThat(page.getByText("Doors")).hasCount(0);

            page.navigate(console + "/events/" + followed + "/reminders");
            assertThat(page.getByText("Back to the guest list")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove"))).hasCount(0);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))).hasCount(0);
        }
        CoreStandIn.server().verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(event + "/(check-in-devices|"
                        + "ticket-tiers|discount-codes|merchandise|wall.*|media.*)")));
    }

    private static String contacts(String name) {
        return """
                {"total":1,"offset":0,"contacts":[{"id":"%s","displayName":"%s","organization":null,
                 "emails":[],"phones":[],"lists":[]}]}""".formatted(UUID.randomUUID(), name);
    }
}
