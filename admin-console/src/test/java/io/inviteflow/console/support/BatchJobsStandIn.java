package io.inviteflow.console.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A STAND-IN for batch-jobs' ML API (WireMock), not batch-jobs: it answers {@code /api/v1/ml/…} as batch-jobs'
 * ModelController does, with canned bodies a test sets up. batch-jobs' RetrainIT runs the real API against the real
 * recommender job. One server per test JVM (all Spring integration tests share one application context).
 */
public final class BatchJobsStandIn {

    private static WireMockServer server;

    private BatchJobsStandIn() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = StandInServers.start();
        }
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + server().port();
    }

    /** Versions, retrains and promotions as batch-jobs lists them (JSON arrays); every run's log: these lines. */
    public static void lists(String versionsJson, String retrainsJson, String promotionsJson, String logJson) {
        server().resetAll();
        json(get(urlPathEqualTo("/api/v1/ml/themes/versions")), 200, versionsJson);
        json(get(urlPathEqualTo("/api/v1/ml/retrains")), 200, retrainsJson);
        json(get(urlPathEqualTo("/api/v1/ml/themes/promotions")), 200, promotionsJson);
        json(get(urlPathMatching("/api/v1/ml/retrains/[^/]+/log")), 200, logJson);
    }

    /** {@code POST …/promote} of this version: 200 with this body. */
    public static void promotes(String version, String versionJson) {
        json(post(urlPathEqualTo("/api/v1/ml/themes/versions/" + version + "/promote")), 200, versionJson);
    }

    /** {@code POST /api/v1/ml/retrains}: 409 problem+json, as when a retrain is already running. */
    public static void refusesRetrain(String detail) {
        server().stubFor(post(urlPathEqualTo("/api/v1/ml/retrains")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", CoreStandIn.PROBLEM_JSON)
                .withBody("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"" + detail
                        + "\"}")));
    }

    private static void json(com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String body) {
        server().stubFor(request.willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
