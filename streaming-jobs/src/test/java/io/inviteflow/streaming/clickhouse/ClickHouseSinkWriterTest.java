package io.inviteflow.streaming.clickhouse;

import com.sun.net.httpserver.HttpServer;
import io.inviteflow.streaming.totals.CounterRow;
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
    private ClickHouseSinkWriter<CounterRow> writer;

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
        writer = new ClickHouseSinkWriter<>(http, "db.engagement_totals", 3, 300, time, sent, null, Runnable::run);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsAFullBatchAtOnceAsSnakeCaseJsonEachRow() throws Exception {
        for (int i = 0; i < 3; i++) {
            writer.write(new CounterRow("event", "e", "opens_by_minute", String.valueOf(60 * i), i, i + 1, 1), null);
        }

        assertThat(queries).containsExactly("query=INSERT INTO db.engagement_totals FORMAT JSONEachRow");
        assertThat(bodies.get(0).lines()).containsExactly(
                row("e", "0", 0, 1, 1), row("e", "60", 1, 2, 1), row("e", "120", 2, 3, 1));
        writer.flush(false); // rows count as sent once ClickHouse has confirmed their insert
        assertThat(sent.getCount()).isEqualTo(3);
    }

    @Test
    void writesTextBeyondAsciiAsUtf8AndStartsEachBatchEmpty() throws Exception {
        writer.write(new CounterRow("event", "e", "choices", "q|Crème brûlée — 生日 🎂", 1, 1, 0), null);
        writer.write(new CounterRow("event", "e", "choices", "q|half \ud83c", 1, 1, 0), null); // a lone surrogate
        writer.flush(false);
        writer.write(new CounterRow("event", "e", "choices", "q|Fish", 1, 1, 0), null);
        writer.flush(false);

        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).contains("\"dimension\":\"q|Crème brûlée — 生日 \\uD83C\\uDF82\"") // a pair ClickHouse reads
                .contains("\"dimension\":\"q|half ?\"");
        assertThat(bodies.get(1).lines()).singleElement().asString().contains("q|Fish").doesNotContain("生日");
    }

    @Test
    void sendsAPartialBatchWhenTheFlushIntervalHasPassed() throws Exception {
        writer.write(new CounterRow("event", "e", "opens_by_minute", "0", 1, 1, 0), null);
        time.setCurrentTime(1_299);
        assertThat(bodies).isEmpty();

        time.setCurrentTime(1_300);

        assertThat(bodies).singleElement().satisfies(b -> assertThat(b.lines()).hasSize(1));
    }

    @Test
    void sendsWhatIsBufferedOnFlushAndNothingWhenEmpty() throws Exception {
        writer.flush(false);
        assertThat(bodies).isEmpty();

        writer.write(new CounterRow("event", "e", "opens_by_minute", "0", 1, 1, 0), null);
        writer.write(new CounterRow("event", "f", "opens_by_minute", "0", 1, 1, 0), null);
        writer.flush(false);

        assertThat(bodies).singleElement().satisfies(b -> assertThat(b.lines()).hasSize(2));
        time.setCurrentTime(5_000); // the pending timer finds nothing left to send
        assertThat(bodies).hasSize(1);
    }

    @Test
    void aKeyedWriterInsertsOnlyTheNewestRowOfEachKeyAndCountsKeysTowardsTheBatch() throws Exception {
        var keyed = new ClickHouseSinkWriter<CounterRow>(
                new ClickHouseHttp("http://127.0.0.1:" + server.getAddress().getPort()), "db.engagement_totals", 2, 300,
                time, sent, CounterRow::key, Runnable::run);
        keyed.write(new CounterRow("event", "e", "opens_by_minute", "0", 1, 1, 0), null);
        keyed.write(new CounterRow("event", "e", "opens_by_minute", "0", 2, 2, 0), null);
        keyed.write(new CounterRow("event", "e", "opens_by_minute", "0", 2, 3, 1), null);
        assertThat(bodies).isEmpty(); // one key so far: the batch of two is not full

        keyed.write(new CounterRow("event", "f", "opens_by_minute", "60", 1, 1, 0), null);

        assertThat(bodies).singleElement().satisfies(b -> assertThat(b.lines()).containsExactly(
                row("e", "0", 2, 3, 1), row("f", "60", 1, 1, 0)));
        keyed.flush(false);
        assertThat(sent.getCount()).isEqualTo(2);
    }

    /** A row as the writer sends it: snake_case JSON, the record's field order. */
    private static String row(String event, String minute, long value, long version, long updatedAt) {
        return ("{\"scope\":\"event\",\"scope_id\":\"%s\",\"metric\":\"opens_by_minute\",\"dimension\":\"%s\","
                + "\"value\":%d,\"version\":%d,\"updated_at\":%d}").formatted(event, minute, value, version, updatedAt);
    }

    @Test
    void aRejectedInsertFailsWithClickHousesMessage() throws Exception {
        status = 404;
        writer.write(new CounterRow("event", "e", "opens_by_minute", "0", 1, 1, 0), null);

        assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class)
                .hasMessageContaining("404").hasMessageContaining("Table doesn't exist");
    }
}
