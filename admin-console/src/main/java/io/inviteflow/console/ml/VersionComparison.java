package io.inviteflow.console.ml;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The side-by-side table of model versions: one row per figure, one column per version. */
final class VersionComparison {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A figure of every compared version, in the versions' order. */
    record Row(String figure, List<String> values) {
    }

    private VersionComparison() {
    }

    static List<Row> of(List<ModelsClient.Version> versions) {
        int k = versions.isEmpty() || versions.get(0).metrics() == null ? 10 : versions.get(0).metrics().k();
        return List.of(
                row("NDCG@" + k + " ALS", versions, v -> ratio(v.metrics().als().ndcg())),
                row("NDCG@" + k + " popularity", versions, v -> ratio(v.metrics().popularity().ndcg())),
                row("NDCG@" + k + " random", versions, v -> ratio(v.metrics().random().ndcg())),
                row("ALS ÷ popularity", versions, v -> times(v.metrics().als().ndcg() / v.metrics().popularity().ndcg())),
                row("Precision@" + k + " ALS", versions, v -> ratio(v.metrics().als().precision())),
                row("MAP@" + k + " ALS", versions, v -> ratio(v.metrics().als().map())),
                row("Coverage ALS", versions, v -> percent(v.metrics().als().coverage())),
                row("Coverage popularity", versions, v -> percent(v.metrics().popularity().coverage())),
                row("Answers AUC", versions, v -> ratio(v.answers().auc())),
                row("Answers log-loss", versions, v -> ratio(v.answers().logLoss())),
                row("Answers log-loss, constant", versions, v -> ratio(v.answers().constantLogLoss())),
                row("Ideas NDCG@" + k + " ALS", versions, v -> ratio(v.ideas().metrics().als().ndcg())),
                row("Ideas NDCG@" + k + " popularity", versions, v -> ratio(v.ideas().metrics().popularity().ndcg())),
                row("Ideas ALS ÷ popularity", versions, v -> times(v.ideas().metrics().als().ndcg()
                        / v.ideas().metrics().popularity().ndcg())),
                row("Ideas guests scored", versions, v -> String.format(Locale.ROOT, "%,d",
                        v.ideas().data().testUsers())),
                row("Split", versions, v -> v.data().split()),
                row("Data from", versions, v -> DAY.format(v.data().from())),
                row("Held out from", versions, v -> DAY.format(v.data().cutoff())),
                row("Data to", versions, v -> DAY.format(v.data().to())),
                row("Interactions", versions, v -> String.format(Locale.ROOT, "%,d", v.data().interactions())),
                row("Users scored", versions, v -> String.format(Locale.ROOT, "%,d", v.data().testUsers())),
                row("Trained in", versions, v -> String.format(Locale.ROOT, "%.0f s", v.trainingSeconds())),
                row("Commit", versions, ModelsClient.Version::codeVersion));
    }

    /** A figure the version lacks (an older or hand-made manifest) shows as a dash. */
    private static Row row(String figure, List<ModelsClient.Version> versions,
                           Function<ModelsClient.Version, String> value) {
        return new Row(figure, versions.stream().map(v -> {
            try {
                String shown = value.apply(v);
                return shown == null ? "–" : shown;
            } catch (NullPointerException missing) {
                return "–";
            }
        }).toList());
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String times(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
