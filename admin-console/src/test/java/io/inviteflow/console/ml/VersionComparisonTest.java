package io.inviteflow.console.ml;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionComparisonTest {

    @Test
    void oneRowPerFigureOneValuePerVersionInTheVersionsOrder() {
        var older = version("v1", 0.30, 0.10, 1_000);
        var newer = version("v2", 0.36, 0.12, 2_500);

        List<VersionComparison.Row> rows = VersionComparison.of(List.of(older, newer));

        assertThat(row(rows, "NDCG@10 ALS")).containsExactly("0.3000", "0.3600");
        assertThat(row(rows, "NDCG@10 popularity")).containsExactly("0.1000", "0.1200");
        assertThat(row(rows, "ALS ÷ popularity")).containsExactly("3.00×", "3.00×");
        assertThat(row(rows, "Coverage ALS")).containsExactly("40.0 %", "40.0 %");
        assertThat(row(rows, "Interactions")).containsExactly("1,000", "2,500");
        assertThat(row(rows, "Held out from")).containsExactly("1 Nov 2026 00:00", "1 Nov 2026 00:00");
        assertThat(row(rows, "Ideas ALS ÷ popularity")).containsExactly("2.00×", "2.00×");
        assertThat(row(rows, "Ideas guests scored")).containsExactly("120", "120");
    }

    @Test
    void aFigureAVersionLacksIsADash() {
        var handMade = new ModelsClient.Version("v0", "run", Instant.parse("2026-01-01T00:00:00Z"), null, null, 0,
                null, null, null, null, false, false, false);

        List<VersionComparison.Row> rows = VersionComparison.of(List.of(handMade, version("v1", 0.3, 0.1, 10)));

        assertThat(row(rows, "NDCG@10 ALS")).containsExactly("–", "0.3000");
        assertThat(row(rows, "Commit")).containsExactly("–", "abc1234");
        assertThat(row(rows, "Answers AUC")).as("a version without an answer model").containsExactly("–", "0.7800");
        assertThat(row(rows, "Ideas NDCG@10 ALS")).as("a version without an idea ranker").containsExactly("–", "0.6000");
    }

    private static List<String> row(List<VersionComparison.Row> rows, String figure) {
        return rows.stream().filter(r -> r.figure().equals(figure)).findFirst().orElseThrow().values();
    }

    static ModelsClient.Version version(String name, double als, double popularity, long interactions) {
        return new ModelsClient.Version(name, "run-" + name, Instant.parse("2026-11-20T10:00:00Z"), "abc1234",
                "clickhouse", 42, new ModelsClient.Data("time", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"), interactions, 50, 9, 30),
                new ModelsClient.Metrics(10, new ModelsClient.Ranker(als, 0.2, 0.15, 0.4),
                        new ModelsClient.Ranker(popularity, 0.05, 0.04, 0.1),
                        new ModelsClient.Ranker(0.01, 0.01, 0.01, 1.0)),
                new ModelsClient.Answers(0.78, 0.55, 0.69, 0.52, 4_000),
                new ModelsClient.Ideas(new ModelsClient.Data("random", Instant.parse("2026-11-20T00:00:00Z"),
                        Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"), 900, 300, 6, 120),
                        new ModelsClient.Metrics(10, new ModelsClient.Ranker(0.6, 0.1, 0.5, 1.0),
                                new ModelsClient.Ranker(0.3, 0.05, 0.2, 0.2), new ModelsClient.Ranker(0.2, 0.04, 0.1, 1.0)),
                        true), true, true, false);
    }
}
