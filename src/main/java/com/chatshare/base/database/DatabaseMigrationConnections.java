package com.chatshare.base.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Flyway's connections wait for the server as long as a migration takes. Every pooled connection
 * gives up on a silent server after the driver's {@code socketTimeout} (4 s, application.yml), so
 * a request never hangs on a stalled database; a migration that copies or indexes a big table may
 * legitimately take minutes, and it runs before the application serves anyone. Flyway borrows the
 * same pool, so its connections get no network timeout while it holds them (Hikari puts the pool's
 * own back when they are returned). Applies to the embedded and to an external database alike.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrationConnections {

    /** No timeout: the JDBC value for "wait as long as it takes". */
    static final int MIGRATION_NETWORK_TIMEOUT_MS = 0;

    /** {@code setNetworkTimeout} wants an executor for aborting; the driver sets a socket option. */
    private static final Executor DIRECT = Runnable::run;

    @Bean
    FlywayConfigurationCustomizer migrationsWaitAsLongAsTheyTake() {
        return configuration -> {
            DataSource pool = configuration.getDataSource();
            if (pool != null) {
                configuration.dataSource(new UnboundedWaits(pool));
            }
        };
    }

    private static final class UnboundedWaits extends DelegatingDataSource {

        UnboundedWaits(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return unbounded(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return unbounded(super.getConnection(username, password));
        }

        private static Connection unbounded(Connection connection) throws SQLException {
            try {
                connection.setNetworkTimeout(DIRECT, MIGRATION_NETWORK_TIMEOUT_MS);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
    }
}
