package io.inviteflow.testsupport;

/** Where the servers started by {@code ./inviteflow test} listen; environment variables override. */
public final class TestServers {

    private TestServers() {
    }

    /** The database tests make their own schemas in (dropped and recreated by every {@code ./inviteflow test}). */
    public static String postgresUrl() {
        return env("INVITEFLOW_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/inviteflow_test");
    }

    public static String kafkaBootstrap() {
        return env("INVITEFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    public static String clickHouseHttp() {
        return env("INVITEFLOW_CLICKHOUSE_HTTP", "http://127.0.0.1:8123/");
    }

    public static String smtpHost() {
        return "127.0.0.1";
    }

    public static int smtpPort() {
        return Integer.parseInt(env("INVITEFLOW_SMTP_PORT", "3025"));
    }

    public static int imapPort() {
        return Integer.parseInt(env("INVITEFLOW_IMAP_PORT", "3143"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
