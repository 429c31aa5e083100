package io.inviteflow.batch.ml;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * A version of the models as its manifest describes it ({@code promotable}: every model it holds beats its baseline;
 * a version may hold no theme model, when there were too few organizers to evaluate one, and only answer models) ({@code themes/{version}/manifest.json}, written by the
 * recommender's ModelPublisher), and whether the core serves it now.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelVersion(String version, String runId, String trainedAt, String codeVersion, String source,
                           double trainingSeconds, Map<String, Object> settings, Data data, Metrics metrics,
                           Classifier answers, Classifier responds, Ideas ideas, boolean beatsPopularity,
                           boolean promotable, boolean current) {

    /**
     * A model of invitations ({@code answers}: the chance of a YES; {@code responds}: of any answer) on held-out
     * invitations, against a constant; null when the version has none.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Classifier(double auc, double logLoss, double constantLogLoss, double baseRate, long train,
                             long test) {
    }

    /**
     * The ranker of ideas for guests (outfits, gifts, things to bring), evaluated like the themes' on the guests'
     * clicks and picks; null when the version has none.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ideas(Data data, Metrics metrics, long guests, boolean beatsPopularity) {
    }

    /** The interactions it was trained and evaluated on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String split, String from, String cutoff, String to, long interactions, long pairs,
                       long users, long items, long testUsers) {
    }

    /** Per ranker ({@code als}, {@code popularity}, {@code random}) on the held-out data, at the top {@code k}. */
    public record Metrics(int k, Ranker als, Ranker popularity, Ranker random) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ranker(double ndcg, double precision, double map, double coverage) {
    }

    ModelVersion asCurrent(boolean isCurrent) {
        return new ModelVersion(version, runId, trainedAt, codeVersion, source, trainingSeconds, settings, data,
                metrics, answers, responds, ideas, beatsPopularity, promotable, isCurrent);
    }
}
