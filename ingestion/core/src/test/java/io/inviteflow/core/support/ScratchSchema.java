package io.inviteflow.core.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * An installation of an earlier release, to upgrade in a test: a schema of its own, migrated by the core's migrations
 * (SQL and the Java ones, the beans Spring Boot hands Flyway) up to a version, then further. Dropped when closed.
 */
public final class ScratchSchema implements AutoCloseable {

    private final String name = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
    private final DataSource dataSource;
    private final List<JavaMigration> javaMigrations;
    private final JdbcClient jdbc;

    public ScratchSchema(DataSource dataSource, List<JavaMigration> javaMigrations, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.javaMigrations = javaMigrations;
        this.jdbc = jdbc;
    }

    /** The schema's name, to qualify tables with. */
    public String name() {
        return name;
    }

    public void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).schemas(name).locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).target(version).load().migrate();
    }

    @Override
    public void close() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + name + " CASCADE").update();
    }
}
