package io.inviteflow.core.suggestion;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param modelsDir    the folder the recommender publishes to ({@code themes/CURRENT} names the served version)
 * @param refreshEvery how often the core looks for a newly promoted version (hot swap without restart)
 */
@ConfigurationProperties("inviteflow.suggestions")
record SuggestionProperties(Path modelsDir, Duration refreshEvery) {
}
