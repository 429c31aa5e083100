package io.inviteflow.core.idea;

import io.inviteflow.contract.ideas.IdeaModelFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders the ideas for one guest of one event: what they picked first (so they can take it back), then the promoted
 * model's ranking when it knows the guest, else ideas like the ones they just picked, then what guests of such events
 * chose most, then the catalogue's order. Registry gifts another guest gives are left out.
 */
final class IdeaRanking {

    enum Reason {
        /** the guest's own pick */
        PICKED,
        /** the model's ranking, explained by an earlier choice ({@link Suggestion#because}) when one points that way */
        FOR_YOU,
        /** shares attributes with what the guest picked here ({@link Suggestion#because}) */
        LIKE_YOUR_PICK,
        /** what most guests of this kind of event chose */
        POPULAR,
        /** the catalogue's order: nothing known yet */
        CATALOGUE
    }

    /** @param because the idea that explains it, or null */
    record Suggestion(Idea idea, Reason reason, Idea because) {
    }

    /** What is known of the guest: their key, their picks for this event, and registry gifts others give. */
    record Guest(String key, Set<String> picked, Set<String> takenByOthers) {
    }

    private IdeaRanking() {
    }

    /**
     * @param candidates the event type's ideas, in the catalogue's order
     * @param model      the promoted idea ranker, or null
     * @param catalogue  any idea by id: an explanation may cite a choice made at another kind of event
     * @param shown      how many ideas beside the guest's own picks
     */
    static List<Suggestion> rank(List<Idea> candidates, String eventType, Guest guest, IdeaModelFile model,
                                 Function<String, Optional<Idea>> catalogue, int shown) {
        Map<String, Idea> byId = new LinkedHashMap<>();
        candidates.forEach(i -> byId.put(i.id(), i));
        List<Suggestion> result = new ArrayList<>();
        for (Idea idea : candidates) {
            if (guest.picked().contains(idea.id())) {
                result.add(new Suggestion(idea, Reason.PICKED, null));
            }
        }
        Set<String> placed = new HashSet<>(guest.picked());
        placed.addAll(guest.takenByOthers());
        List<Suggestion> rest = new ArrayList<>();
        if (model != null) {
            for (IdeaModelFile.Scored s : model.rank(guest.key(), byId.keySet(), placed, shown)) {
                String because = model.because(guest.key(), s.item());
                rest.add(new Suggestion(byId.get(s.item()), Reason.FOR_YOU,
                        because == null ? null : catalogue.apply(because).orElse(null)));
                placed.add(s.item());
            }
        }
        if (rest.isEmpty() && !guest.picked().isEmpty()) {
            for (Suggestion s : likePicks(candidates, guest.picked(), placed, shown)) {
                rest.add(s);
                placed.add(s.idea().id());
            }
        }
        // what guests of this kind of event chose, then what guests chose at any event (a kind the model has not seen)
        for (String segment : eventType == null ? List.of("") : List.of(eventType, "")) {
            List<String> popular = model == null ? List.of() : model.popularByType().getOrDefault(segment, List.of());
            fill(rest, popular.stream().map(byId::get).filter(i -> i != null).toList(), placed, Reason.POPULAR,
                    shown);
        }
        fill(rest, candidates, placed, Reason.CATALOGUE, shown);
        result.addAll(rest);
        return result;
    }

    /** Ideas sharing the most attributes (Jaccard) with one of the picks, that pick as the reason. */
    private static List<Suggestion> likePicks(List<Idea> candidates, Set<String> picked, Set<String> placed,
                                              int shown) {
        List<Idea> picks = candidates.stream().filter(i -> picked.contains(i.id())).toList();
        record Alike(Idea idea, Idea pick, double similarity, int order) {
        }
        List<Alike> alike = new ArrayList<>();
        for (int n = 0; n < candidates.size(); n++) {
            Idea idea = candidates.get(n);
            if (placed.contains(idea.id())) {
                continue;
            }
            Alike best = null;
            for (Idea pick : picks) {
                double similarity = jaccard(idea.attributes(), pick.attributes());
                if (similarity > 0 && (best == null || similarity > best.similarity())) {
                    best = new Alike(idea, pick, similarity, n);
                }
            }
            if (best != null) {
                alike.add(best);
            }
        }
        alike.sort(Comparator.comparingDouble(Alike::similarity).reversed().thenComparingInt(Alike::order));
        return alike.stream().limit(shown).map(a -> new Suggestion(a.idea(), Reason.LIKE_YOUR_PICK, a.pick()))
                .toList();
    }

    private static void fill(List<Suggestion> rest, List<Idea> ideas, Set<String> placed, Reason reason, int shown) {
        for (Idea idea : ideas) {
            if (rest.size() >= shown) {
                return;
            }
            if (placed.add(idea.id())) {
                rest.add(new Suggestion(idea, reason, null));
            }
        }
    }

    private static double jaccard(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long shared = a.stream().filter(b::contains).count();
        return union.isEmpty() ? 0 : (double) shared / union.size();
    }
}
