package io.inviteflow.console.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.inviteflow.console.support.BatchJobsStandIn;
import io.inviteflow.console.support.CoreStandIn;
import io.inviteflow.console.support.TestProperties;
import io.inviteflow.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The ML page in a real browser, against a stand-in of batch-jobs' ML API ({@link BatchJobsStandIn}): what the core
 * serves, the runs with their log, two versions compared side by side, a promotion sent as the signed-in member,
 * batch-jobs' refusal shown in its words; an organizer off the ML team gets neither the link nor the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelsBrowserIT {

    private static final String V1 = version("v20261120T030000Z", true, 0.31, "2026-11-20T03:00:00Z");
    private static final String V2 = version("v20261121T030000Z", false, 0.36, "2026-11-21T03:00:00Z");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theMlTeamComparesVersionsPromotesOneAndSeesWhyARetrainWasRefused() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin(TestProperties.ML_TEAM_MEMBER, "tensor-1", "token-ml");
        CoreStandIn.listsEvents("token-ml", java.util.UUID.randomUUID(), "Nothing to see");
        BatchJobsStandIn.lists("[" + V2 + "," + V1 + "]", """
                [{"id":"7f1c2a4e-0000-4000-8000-000000000001","trigger":"nightly","requestedBy":"scheduler",
                  "promoteIfBetter":true,"status":"SUCCEEDED","startedAt":"2026-11-21T03:00:00Z",
                  "finishedAt":"2026-11-21T03:01:10Z","version":"v20261121T030000Z","promoted":false,
                  "message":"wrote …/v20261121T030000Z: NDCG@10 ALS 0.3600","stage":"stage 6/6: writing the version"}]""",
                """
                [{"at":"2026-11-20T04:00:00Z","version":"v20261120T030000Z","previous":null,"by":"lead@example.org",
                  "action":"promote"}]""", """
                ["stage 1/6: reading interactions","stage 6/6: writing the version","wrote v20261121T030000Z"]""");
        BatchJobsStandIn.promotes("v20261121T030000Z", V2.replace("\"current\":false", "\"current\":true"));
        BatchJobsStandIn.refusesRetrain("a retrain is already running: one at a time");

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn(TestProperties.ML_TEAM_MEMBER, "tensor-1");
            page.getByText("Models").click();

            assertThat(page.getByText("The core serves v20261120T030000Z")).isVisible();
            assertThat(cell(page, "v20261120T030000Z (serving)")).isVisible();
            assertThat(cell(page, "nightly · scheduler")).isVisible();
            cell(page, "nightly · scheduler").click();
            assertThat(page.getByText("stage 1/6: reading interactions")).isVisible();

            // the versions grid's row checkboxes: the last two (a "select all" box may come before them)
            Locator boxes = page.locator("vaadin-grid-cell-content vaadin-checkbox");
            int count = boxes.count();
            boxes.nth(count - 2).click();
            boxes.nth(count - 1).click();
            assertThat(cell(page, "ALS ÷ popularity")).isVisible();
            assertThat(cell(page, "0.3600")).isVisible();
            assertThat(cell(page, "0.3100")).isVisible();

            page.getByText("Promote", new Page.GetByTextOptions().setExact(true)).first().click();
            assertThat(page.getByText("v20261121T030000Z promoted: the core serves it within seconds.")).isVisible();
            BatchJobsStandIn.server().verify(postRequestedFor(urlPathEqualTo(
                    "/api/v1/ml/themes/versions/v20261121T030000Z/promote"))
                    .withRequestBody(equalToJson("{\"by\":\"" + TestProperties.ML_TEAM_MEMBER + "\"}")));

            page.getByText("Retrain now").click();
            assertThat(page.getByText("Not started: a retrain is already running: one at a time")).isVisible();
        }
    }

    @Test
    void anOrganizerOffTheMlTeamGetsNeitherTheLinkNorThePage() {
        CoreStandIn.reset();
        CoreStandIn.acceptsLogin("grace@example.org", "hopper-1906", "token-grace");
        CoreStandIn.listsEvents("token-grace", java.util.UUID.randomUUID(), "Grace's garden party");
        BatchJobsStandIn.lists("[" + V1 + "]", "[]", "[]", "[]");

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.browser.newPage();
            new LoginPage(page, "http://127.0.0.1:" + port).signIn("grace@example.org", "hopper-1906");
            assertThat(cell(page, "Grace's garden party")).isVisible();
            assertThat(page.getByText("Models", new Page.GetByTextOptions().setExact(true))).isHidden();

            page.navigate("http://127.0.0.1:" + port + "/ml");
            assertThat(page.getByText("Theme recommender")).isHidden();
        }
    }

    private static Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(text)).first();
    }

    private static String version(String name, boolean current, double als, String trainedAt) {
        return """
                {"version":"%s","runId":"r-%s","trainedAt":"%s","codeVersion":"abc1234","source":"clickhouse",
                 "trainingSeconds":70.2,"data":{"split":"time","from":"2026-01-01T00:00:00Z",
                 "cutoff":"2026-11-01T00:00:00Z","to":"2026-11-20T00:00:00Z","interactions":1200,"users":40,
                 "items":9,"testUsers":25},"metrics":{"k":10,"als":{"ndcg":%s,"precision":0.2,"map":0.15,
                 "coverage":0.8},"popularity":{"ndcg":0.12,"precision":0.1,"map":0.08,"coverage":0.2},
                 "random":{"ndcg":0.05,"precision":0.04,"map":0.02,"coverage":1.0}},"beatsPopularity":true,"promotable":true,
                 "current":%s}""".formatted(name, name, trainedAt, als, current);
    }
}
