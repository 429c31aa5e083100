package io.inviteflow.console.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The same properties for every Spring integration test, so they share one application context. */
public final class TestProperties {

    private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    /** The pipeline page's topic and consumer group in tests: the test makes them (PipelineProbeIT). */
    public static final String PIPELINE_TOPIC = "inviteflow.activity.console-it-" + RUN;
    public static final String PIPELINE_GROUP = "console-it-" + RUN;

    /** On the ML team in every test (the core stand-in gives the account the role ML); nobody else is. */
    public static final String ML_TEAM_MEMBER = "ml@example.org";

    /** An admin in every test (the core stand-in gives the account the role ADMIN); nobody else is. */
    public static final String ADMIN = "admin@example.org";

    private TestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("inviteflow.core.url", CoreStandIn::url);
        // the browser's address as a proxy in front of the console would forward it (AccountBrowserIT)
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        registry.add("inviteflow.batch.url", BatchJobsStandIn::url);
        registry.add("inviteflow.clickhouse.database", ClickHouseTestDatabase::name);
        registry.add("inviteflow.console.dashboard.poll-interval", () -> "1s");
        registry.add("inviteflow.pipeline.topic", () -> PIPELINE_TOPIC);
        registry.add("inviteflow.pipeline.group", () -> PIPELINE_GROUP);
        registry.add("inviteflow.pipeline.flink-rest-url", () -> "http://127.0.0.1:9"); // nothing listens: Flink down
        registry.add("inviteflow.pipeline.refresh-interval", () -> "1h");
    }
}
