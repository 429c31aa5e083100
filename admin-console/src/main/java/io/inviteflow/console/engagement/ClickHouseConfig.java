package io.inviteflow.console.engagement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's only DataSource: ClickHouse (only read). Boot's DataSource auto-configuration backs off because
 * this bean exists. ClickHouse is deliberately not part of {@code /actuator/health}
 * ({@code management.health.db.enabled=false}): the console serves sign-in and events without it.
 */
@Configuration(proxyBeanMethods = false)
class ClickHouseConfig {

    /** STACK.md: name the driver class; the jar also registers a second driver that fails against 18.16. */
    static final String DRIVER = "ru.yandex.clickhouse.ClickHouseDriver";

    @Bean
    HikariDataSource clickHouseDataSource(ClickHouseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("clickhouse");
        config.setDriverClassName(DRIVER);
        config.setJdbcUrl(properties.url());
        config.setUsername(properties.user());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setMinimumIdle(1);
        // Start even when ClickHouse is down; the dashboard shows it as unavailable and recovers by itself.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(3_000);
        return new HikariDataSource(config);
    }

    @Bean
    JdbcTemplate clickHouseJdbcTemplate(DataSource clickHouseDataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(clickHouseDataSource);
        jdbc.setQueryTimeout(5);
        return jdbc;
    }
}
