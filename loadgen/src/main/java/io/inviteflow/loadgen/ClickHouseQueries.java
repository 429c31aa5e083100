package io.inviteflow.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** SQL to ClickHouse's HTTP interface, the answer as text. */
final class ClickHouseQueries {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI url;

    ClickHouseQueries(String url) {
        this.url = URI.create(url.endsWith("/") ? url : url + "/");
    }

    String run(String sql) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("ClickHouse answered " + r.statusCode() + " to " + sql + ": " + r.body());
        }
        return r.body().strip();
    }

    /** Inserts JSONEachRow lines. */
    void insert(String table, String jsonLines) throws IOException, InterruptedException {
        URI insert = URI.create(url + "?query=" + java.net.URLEncoder.encode("INSERT INTO " + table
                + " FORMAT JSONEachRow", StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(insert)
                .POST(HttpRequest.BodyPublishers.ofString(jsonLines, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("ClickHouse refused an insert into " + table + ": " + r.body());
        }
    }

    long number(String sql) throws IOException, InterruptedException {
        String answer = run(sql);
        return answer.isEmpty() ? 0 : Long.parseLong(answer);
    }
}
