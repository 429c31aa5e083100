package io.inviteflow.core.support;

/** Where the servers started by {@code ./inviteflow test} listen; environment variables override. */
public final class TestServers {

    private TestServers() {
    }

    public static String postgresUrl() {
        return env("INVITEFLOW_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/inviteflow_test");
    }

    public static String kafkaBootstrap() {
        return env("INVITEFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
