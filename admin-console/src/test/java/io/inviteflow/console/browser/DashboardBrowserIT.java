package io.inviteflow.console.browser;

import com.microsoft.playwright.Page;
import io.inviteflow.console.support.ClickHouseTestDatabase;
import io.inviteflow.console.support.CoreStandIn;
import io.inviteflow.console.support.TestProperties;
import io.inviteflow.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser: sign in, pick the event, see its figures, and see them change by server push when the
 * streaming job writes a newer row to ClickHouse — no reload. The core is the WireMock stand-in for its documented
 * API ({@link CoreStandIn}); ClickHouse is the real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theDashboardShowsTheFiguresAndFollowsThemLive() {
        UUID eventId = UUID.randomUUID();
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", eventId, "Grace's garden party");
        CoreStandIn.hasEvent("token-grace", eventId, "Grace's garden party");
        UUID meal = UUID.randomUUID();
        CoreStandIn.asks("token-grace", eventId, """
                [{"id":"%s","kind":"CHOICE","label":"Meal choice","options":["Fish","Meat"],"required":true,
                  "perGuest":true}]""".formatted(meal));
        CoreStandIn.forecasts("token-grace", eventId, """
                {"modelVersion":"v20261120T030000Z","answers":{"invitations":120,"yes":41,"yesHeadcount":52,"no":7,
                 "maybe":3},"forecast":{"pending":69,"expectedMoreYes":30.6,"moreYesLow":24,"moreYesHigh":37,
                 "expectedHeadcount":91.2,"headcountLow":83,"headcountHigh":99}}""");
        long now = Instant.now().getEpochSecond();
        ClickHouseTestDatabase.insertEngagement(eventId, 120, 90, 41, 7, 3, 52, 1, now);

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            EventsPage events = new LoginPage(page, "http://127.0.0.1:" + port)
                    .signIn("grace@example.org", "hopper-1906");
            DashboardPage dashboard = events.open("Grace's garden party");

            assertThat(dashboard.title()).hasText("Grace's garden party");
            assertThat(dashboard.figure("Invited")).hasText("120");
            assertThat(dashboard.figure("Yes")).hasText("41");
            assertThat(dashboard.figure("Headcount")).hasText("52");
            assertThat(page.getByText("Expected headcount once everybody answered: 91 (90 %: 83–99), of whom 52 "
                    + "already said yes; 69 invitations await an answer (answer model v20261120T030000Z).")).isVisible();

            // the streaming job writes a newer version of the row: the open page follows without a reload
            ClickHouseTestDatabase.insertEngagement(eventId, 120, 95, 48, 7, 3, 61, 2, now + 5);

            assertThat(dashboard.figure("Yes")).hasText("48");
            assertThat(dashboard.figure("Headcount")).hasText("61");

            // the funnel and the times below the chart come from the same counters
            ClickHouseTestDatabase.insertCounter(eventId, "delivered", "", 60, 1);
            ClickHouseTestDatabase.insertCounter(eventId, "time_to_open", "300", 95, 1);
            assertThat(page.getByText("Delivered: 60 (50.0 %)")).isVisible();
            // and so do the choices of the people coming, named by the event's questions
            ClickHouseTestDatabase.insertCounter(eventId, "choices", meal + "|Fish", 30, 1);
            assertThat(page.getByText("Meal choice — Fish: 30 · Meat: 0")).isVisible();
            // a spike the job's detector reported, in the event's zone (the stand-in's events are in Europe/Berlin)
            ClickHouseTestDatabase.insertSpike(eventId, Instant.parse("2026-11-28T13:32:00Z"), 1_240, 8.4);
            assertThat(page.getByText("Sat 28 Nov 14:32: 1,240 opens in one minute, usually 8")).isVisible();
            assertThat(page.getByText("Half of those who opened did so within 5 min of the invitation, 9 in 10 "
                    + "within 5 min")).isVisible();
        }
    }

    @Test
    void insightsRankTheOrganizersThemesAndCompareTheirEvents() {
        UUID eventId = UUID.randomUUID();
        UUID organizerId = UUID.randomUUID();
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", eventId, "Grace's garden party");
        CoreStandIn.knowsOrganizer("token-grace", organizerId, "grace@example.org");
        ClickHouseTestDatabase.insertEngagement(eventId, 80, 60, 30, 5, 5, 40, 1, Instant.now().getEpochSecond());
        ClickHouseTestDatabase.insertCounter("organizer", organizerId, "theme_invited", "garden", 50, 1);
        ClickHouseTestDatabase.insertCounter("organizer", organizerId, "theme_opened", "garden", 45, 1);
        ClickHouseTestDatabase.insertCounter("organizer", organizerId, "theme_invited", "confetti", 30, 1);
        ClickHouseTestDatabase.insertCounter("organizer", organizerId, "theme_opened", "confetti", 15, 1);

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            page.navigate("http://127.0.0.1:" + port + "/insights");

            assertThat(page.getByText("Insights across your events")).isVisible();
            assertThat(page.locator("vaadin-grid-cell-content").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("90.0 %"))).isVisible(); // garden
            assertThat(page.locator("vaadin-grid-cell-content").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("Grace's garden party")))
                    .isVisible();
            assertThat(page.locator("vaadin-grid-cell-content").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("75.0 %"))).isVisible(); // opened
        }
    }
}
