package io.inviteflow.console.engagement;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ClickHouse the streaming job writes to.
 *
 * @param url      JDBC URL for {@code ru.yandex.clickhouse:clickhouse-jdbc} 0.3.2; keep {@code compress=false}
 *                 (ClickHouse 18.16 returns empty bodies over HTTP with compression)
 * @param database the database holding the streaming job's {@code engagement_totals}; table names are
 *                 qualified with it, so it wins over the URL's path
 * @param maxPoolSize connections; every open dashboard polls once a second, each poll is three short queries
 */
@ConfigurationProperties("inviteflow.clickhouse")
public record ClickHouseProperties(
        String url,
        @DefaultValue("inviteflow") String database,
        @DefaultValue("default") String user,
        @DefaultValue("") String password,
        @DefaultValue("4") int maxPoolSize) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ClickHouseProperties {
        // The database name is put into SQL text (identifiers cannot be bound): allow plain identifiers only.
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("inviteflow.clickhouse.database must be a plain identifier: " + database);
        }
    }
}
