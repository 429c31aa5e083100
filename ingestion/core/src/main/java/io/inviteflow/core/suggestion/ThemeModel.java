package io.inviteflow.core.suggestion;

import java.util.List;
import java.util.Map;

/**
 * A published theme model as the recommender writes it ({@code themes/<version>/suggestions.json}): top themes per
 * organizer id, and the most popular themes for everyone else. No Spark needed to read it.
 */
record ThemeModel(String version, String trainedAt, List<ScoredTheme> popular, Map<String, List<ScoredTheme>> users) {

    record ScoredTheme(String theme, double score) {
    }
}
