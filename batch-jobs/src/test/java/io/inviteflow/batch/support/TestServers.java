package io.inviteflow.batch.support;

/** Where the servers started by {@code ./inviteflow servers} listen; environment variables override. */
public final class TestServers {

    private TestServers() {
    }

    public static String postgresUrl() {
        return env("INVITEFLOW_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/inviteflow_test");
    }

    public static String kafkaBootstrap() {
        return env("INVITEFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
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
