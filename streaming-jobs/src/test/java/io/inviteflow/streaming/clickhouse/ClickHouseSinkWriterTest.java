package io.inviteflow.streaming.clickhouse;

import com.sun.net.httpserver.HttpServer;
import io.inviteflow.streaming.records.EngagementMinuteRow;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer against a stand-in HTTP server that records what ClickHouse would receive. */
class ClickHouseSinkWriterTest {

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final TestProcessingTimeService time = new TestProcessingTimeService();
    private final SimpleCounter sent = new SimpleCounter();
    private volatile int status = 200;
    private HttpServer server;
    private ClickHouseSinkWriter<EngagementMinuteRow> writer;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            queries.add(URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()), StandardCharsets.UTF_8));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = (status == 200 ? "" : "Code: 60, e.displayText() = DB::Exception: Table doesn't exist")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        ClickHouseHttp http = new ClickHouseHttp("http://127.0.0.1:" + server.getAddress().getPort());
        time.setCurrentTime(1_000);
        writer = new ClickHouseSinkWriter<>(http, "db.engagement_minute", 3, 300, time, sent, null);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsAFullBatchAtOnceAsSnakeCaseJsonEachRow() throws Exception {
        for (int i = 0; i < 3; i++) {
            writer.write(new EngagementMinuteRow("e", 60L * i, i, 1, i + 1), null);
        }

        assertThat(queries).containsExactly("query=INSERT INTO db.engagement_minute FORMAT JSONEachRow");
        assertThat(bodies.get(0).lines()).containsExactly(
                "{\"event_id\":\"e\",\"minute\":0,\"opens\":0,\"answers\":1,\"version\":1}",
                "{\"event_id\":\"e\",\"minute\":60,\"opens\":1,\"answers\":1,\"version\":2}",
                "{\"event_id\":\"e\",\"minute\":120,\"opens\":2,\"answers\":1,\"version\":3}");
        assertThat(sent.getCount()).isEqualTo(3);
    }

    @Test
    void sendsAPartialBatchWhenTheFlushIntervalHasPassed() throws Exception {
        writer.write(new EngagementMinuteRow("e", 0, 1, 0, 1), null);
        time.setCurrentTime(1_299);
        assertThat(bodies).isEmpty();

        time.setCurrentTime(1_300);

        assertThat(bodies).singleElement().satisfies(b -> assertThat(b.lines()).hasSize(1));
    }

    @Test
    void sendsWhatIsBufferedOnFlushAndNothingWhenEmpty() throws Exception {
        writer.flush(false);
        assertThat(bodies).isEmpty();

        writer.write(new EngagementMinuteRow("e", 0, 1, 0, 1), null);
        writer.write(new EngagementMinuteRow("f", 0, 1, 0, 1), null);
        writer.flush(false);

        assertThat(bodies).singleElement().satisfies(b -> assertThat(b.lines()).hasSize(2));
        time.setCurrentTime(5_000); // the pending timer finds nothing left to send
        assertThat(bodies).hasSize(1);
    }

    @Test
    void aKeyedWriterInsertsOnlyTheNewestRowOfEachKeyAndCountsKeysTowardsTheBatch() throws Exception {
        var keyed = new ClickHouseSinkWriter<EngagementMinuteRow>(
                new ClickHouseHttp("http://127.0.0.1:" + server.getAddress().getPort()), "db.engagement_minute", 2, 300,
                time, sent, row -> row.eventId() + '|' + row.minute());
        keyed.write(new EngagementMinuteRow("e", 0, 1, 0, 1), null);
        keyed.write(new EngagementMinuteRow("e", 0, 2, 0, 2), null);
        keyed.write(new EngagementMinuteRow("e", 0, 2, 1, 3), null);
        assertThat(bodies).isEmpty(); // one key so far: the batch of two is not full

        keyed.write(new EngagementMinuteRow("f", 60, 1, 0, 1), null);

        assertThat(bodies).singleElement().satisfies(b -> assertThat(b.lines()).containsExactly(
                "{\"event_id\":\"e\",\"minute\":0,\"opens\":2,\"answers\":1,\"version\":3}",
                "{\"event_id\":\"f\",\"minute\":60,\"opens\":1,\"answers\":0,\"version\":1}"));
        assertThat(sent.getCount()).isEqualTo(2);
    }

    @Test
    void aRejectedInsertFailsWithClickHousesMessage() throws Exception {
        status = 404;
        writer.write(new EngagementMinuteRow("e", 0, 1, 0, 1), null);

        assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class)
                .hasMessageContaining("404").hasMessageContaining("Table doesn't exist");
    }
}
