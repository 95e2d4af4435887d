package io.merx.cluster.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Creates and migrates the tables with Flyway, from the SQL files under {@code db/merx} in this bundle. Flyway
 * travels inside the bundle (lib/), so its class loader, its ServiceLoader-found database plugins and the
 * migrations are all this bundle's. Flyway locks the database while it migrates, so nodes may start together.
 */
final class Schema {

    private Schema() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/merx")
                .table("merx_schema_history")
                .loggers("slf4j")
                .load()
                .migrate();
    }
}
