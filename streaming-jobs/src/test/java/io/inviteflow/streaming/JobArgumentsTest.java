package io.inviteflow.streaming;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobArgumentsTest {

    @Test
    void defaultsAreTheLocalServers() {
        JobArguments a = JobArguments.parse();

        assertThat(a.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(a.topic()).isEqualTo("inviteflow.activity.v1");
        assertThat(a.group()).isEqualTo("inviteflow-engagement-totals");
        assertThat(a.clickHouse().qualified("engagement_totals")).isEqualTo("inviteflow.engagement_totals");
        assertThat(a.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.checkpointDir()).startsWith("file:/");
        assertThat(a.parallelism()).isEqualTo(1);
        assertThat(a.resume()).isEqualTo("auto");
    }

    @Test
    void readsEveryDocumentedArgument() {
        JobArguments a = JobArguments.parse("--bootstrap", "h:1", "--topic", "t", "--group", "g",
                "--clickhouse-url", "http://c:8123", "--clickhouse-database", "db1",
                "--checkpoint-dir", "file:///x/cp", "--checkpoint-interval-ms", "500", "--parallelism", "2",
                "--resume", "none", "--out-of-orderness-ms", "1000", "--idle-timeout-ms", "2000",
                "--spike-factor", "3", "--spike-min-opens", "7", "--batch-size", "10", "--flush-interval-ms", "100",
                "--rest-port", "8083");

        assertThat(a).isEqualTo(new JobArguments("h:1", "t", "g", "http://c:8123", "db1", "file:///x/cp",
                Duration.ofMillis(500), 2, "none", Duration.ofSeconds(1), Duration.ofSeconds(2),
                3, 7, 10, Duration.ofMillis(100), 8083));
        assertThat(a.spikeRule().factor()).isEqualTo(3);
        assertThat(a.spikeRule().minOpens()).isEqualTo(7);
    }

    @Test
    void rejectsTyposMissingValuesBadNumbersAndUnsafeDatabaseNames() {
        assertThatThrownBy(() -> JobArguments.parse("--bootstrp", "x")).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> JobArguments.parse("--topic")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> JobArguments.parse("--parallelism", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> JobArguments.parse("--rest-port", "70000")).hasMessageContaining("port number");
        assertThatThrownBy(() -> JobArguments.parse("--clickhouse-database", "x; DROP").clickHouse())
                .hasMessageContaining("identifier");
    }
}
