package io.inviteflow.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot service's own corner of the shared test servers: a PostgreSQL schema (created by Flyway) and a Kafka
 * topic, so test runs never see each other's data, nor a running demo's. The same settings serve a test's Spring
 * context ({@link #springProperties()}) and a service jar started as a process ({@link #arguments()}).
 */
public record IsolatedStores(String schema, String topic) {

    /** Spring property → value. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", TestServers.postgresUrl() + "?currentSchema=" + schema);
        // a test JVM caches several application contexts, each with a pool: keep idle ones small, or PostgreSQL's
        // 100 connections run out
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.create-schemas", "true");
        properties.put("spring.kafka.bootstrap-servers", TestServers.kafkaBootstrap());
        properties.put("inviteflow.activity-topic", topic);
        properties.put("server.address", "127.0.0.1");
        return properties;
    }

    /** The same as command-line arguments of a Spring Boot jar. */
    public List<String> arguments() {
        return springProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }
}
