package io.inviteflow.recommender;

import org.apache.spark.sql.SparkSession;

/** One small local Spark for the tests of this module (STACK.md: 2 partitions, 2 blocks, loopback only). */
final class SparkTestSession {

    private static SparkSession spark;

    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder().appName("recommender-tests").master("local[2]")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    static String shared(String relative) {
        return java.nio.file.Path.of(System.getenv().getOrDefault("INVITEFLOW_SHARED", "../../shared"), relative)
                .toAbsolutePath().toString();
    }
}
