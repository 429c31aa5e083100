package io.inviteflow.contract.ideas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The idea ranker as the recommender exports it ({@code themes/<version>/ideas.json}) and the core serves it, in plain
 * Java: implicit ALS factors of guests and catalogue items, learned from the guests' clicks and picks. A guest's
 * score for an item is the dot product of their factors, as Spark's {@code ALSModel} scores it, so {@link #rank}
 * returns Spark's top k; the core ranks only the items that fit the event, which a precomputed top k could not.
 *
 * @param items         each item's factors
 * @param guests        by guest key (pseudonymous, as in the activities): factors, and what they chose most
 * @param popularByType per event type, and {@code ""} for every type: items, most guests first (newcomers' ranking)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdeaModelFile(String version, Map<String, float[]> items, Map<String, Guest> guests,
                            Map<String, List<String>> popularByType) {

    /** @param chose the items the guest picked or clicked, strongest first: what an explanation may cite */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Guest(float[] factors, List<String> chose) {
    }

    public record Scored(String item, double score) {
    }

    /**
     * The guest's best {@code k} among {@code candidates} (items the model does not know are left out), highest score
     * first, ties by item id; empty for a guest the model does not know.
     */
    public List<Scored> rank(String guestKey, Collection<String> candidates, Set<String> exclude, int k) {
        Guest guest = guestKey == null ? null : guests.get(guestKey);
        if (guest == null) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        for (String item : candidates) {
            float[] factors = items.get(item);
            if (factors != null && !exclude.contains(item)) {
                scored.add(new Scored(item, dot(guest.factors(), factors)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::item));
        return scored.subList(0, Math.min(k, scored.size()));
    }

    /** How alike (cosine of factors) an earlier choice must be to explain a suggestion: a weak likeness explains nothing. */
    public static final double EXPLAINS = 0.5;

    /**
     * Which of the guest's own choices explains suggesting {@code item}: the one whose factors point most the same way
     * (cosine), or null when the guest chose nothing the model knows or nothing alike enough ({@link #EXPLAINS}).
     */
    public String because(String guestKey, String item) {
        Guest guest = guestKey == null ? null : guests.get(guestKey);
        float[] target = items.get(item);
        if (guest == null || target == null) {
            return null;
        }
        String best = null;
        double bestCosine = 0;
        for (String chosen : guest.chose()) {
            float[] factors = items.get(chosen);
            if (factors == null || chosen.equals(item)) {
                continue;
            }
            double cosine = dot(factors, target) / Math.sqrt(dot(factors, factors) * dot(target, target));
            // strongest choice first: a later one must be more alike to take its place
            if (cosine >= EXPLAINS && (best == null || cosine > bestCosine)) {
                bestCosine = cosine;
                best = chosen;
            }
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
