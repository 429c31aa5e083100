package io.inviteflow.streaming.clickhouse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The module's only door to ClickHouse: its HTTP interface through plain {@code java.net.http}.
 * <p>
 * Why not the {@code ru.yandex.clickhouse:clickhouse-jdbc} 0.3.2 driver: the job only needs "run this DDL" and
 * "insert these rows", and {@code INSERT … FORMAT JSONEachRow} over HTTP is the same on ClickHouse 18.16 and on
 * current servers. The plain client adds no jar (and no transitive httpclient/guava versions) to the shaded job jar,
 * and cannot hit the driver-registration and compression pitfalls listed in STACK.md (responses are requested
 * uncompressed, the default). A newer server stays a URL change.
 * <p>
 * Thread-safe (one {@link HttpClient}). Every non-200 answer becomes an {@link IOException} carrying ClickHouse's
 * error text, so a failed insert fails the task and Flink replays from the last checkpoint.
 */
public final class ClickHouseHttp {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    /** @param url the HTTP interface, e.g. {@code http://127.0.0.1:8123} */
    public ClickHouseHttp(String url) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        // HTTP/1.1: ClickHouse's HTTP server does not speak h2c; avoids the client's upgrade attempt
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Runs one statement that returns nothing of interest (DDL, OPTIMIZE, DROP). */
    public void execute(String sql) throws IOException {
        send(base, sql);
    }

    /** Runs a query and returns the body as text; choose the format in the SQL (e.g. {@code FORMAT TabSeparated}). */
    public String query(String sql) throws IOException {
        return send(base, sql);
    }

    /**
     * Inserts rows given as JSON objects, one per line ({@code JSONEachRow}).
     *
     * @param table qualified table name, {@code db.table}
     */
    void insertJsonEachRow(String table, RowBatch rows) throws IOException {
        String sql = "INSERT INTO " + table + " FORMAT JSONEachRow";
        send(base.resolve("?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)), rows.body());
    }

    /** Database and table names go into SQL text: accept plain identifiers only. */
    public static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain ClickHouse identifier: " + name);
        }
        return name;
    }

    private String send(URI uri, String body) throws IOException {
        return send(uri, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private String send(URI uri, HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).POST(body).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to ClickHouse at " + base);
        }
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse at " + base + " answered " + response.statusCode() + ": "
                    + response.body().strip());
        }
        return response.body();
    }
}
