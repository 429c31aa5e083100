package io.inviteflow.batch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The recommender's real Spark job, as the tests' retrain command: the jar and classpath the recommender module
 * packaged (the reactor builds it before batch-jobs), trained on Spark's MovieLens sample so no archive is needed.
 */
public final class RecommenderJob {

    private static final Path MODULE_TARGET = Path.of("..", "recommender", "target").toAbsolutePath().normalize();

    private RecommenderJob() {
    }

    /** Whether the recommender module was packaged (the retrain tests fail with this message otherwise). */
    public static String missing() {
        Path jar = MODULE_TARGET.resolve("inviteflow-recommender.jar");
        return Files.isRegularFile(jar) ? null : jar + " is missing: package the recommender module first";
    }

    public static List<String> onMovieLens() {
        Path module = MODULE_TARGET;
        Path jar = module.resolve("inviteflow-recommender.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path movieLens = Path.of(System.getenv().getOrDefault("INVITEFLOW_SHARED", "../../shared"),
                "data", "sample_movielens_ratings.txt").toAbsolutePath().normalize();
        return List.of(java, "-Xmx1g",
                // Spark reaches into JDK internals (pom.xml jdk.open.args)
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "-cp", jar + ":" + module.resolve("lib") + "/*", "io.inviteflow.recommender.ThemeRecommenderJob",
                "--master", "local[2]", "--shuffle-partitions", "2", "--movielens", movieLens.toString());
    }
}
