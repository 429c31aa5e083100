package io.inviteflow.core.suggestion;

import java.util.List;
import java.util.Map;

/**
 * A published theme model as the recommender writes it ({@code themes/<version>/suggestions.json}): top themes per
 * organizer id, the most popular themes for everyone else, and per kind of event ({@code popularBySegment}: keys
 * {@code type|season} and {@code type}, e.g. {@code wedding|summer}, {@code wedding}). No Spark needed to read it.
 */
record ThemeModel(String version, String trainedAt, List<ScoredTheme> popular,
                  Map<String, List<ScoredTheme>> popularBySegment, Map<String, List<ScoredTheme>> users) {

    ThemeModel {
        popular = popular == null ? List.of() : popular;
        popularBySegment = popularBySegment == null ? Map.of() : popularBySegment;
        users = users == null ? Map.of() : users;
    }

    record ScoredTheme(String theme, double score) {
    }
}
