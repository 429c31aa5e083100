package io.inviteflow.console.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The same properties for every Spring integration test, so they share one application context. */
public final class TestProperties {

    private TestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("inviteflow.core.url", CoreStandIn::url);
        registry.add("inviteflow.clickhouse.database", ClickHouseTestDatabase::name);
        registry.add("inviteflow.console.dashboard.poll-interval", () -> "1s");
    }
}
