package com.chatshare.base.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/**
 * Stops and starts a test context's embedded MariaDB for real, as an outage would: the fault tests
 * of every feature use it. Only for a context of its own ({@code @OwnSpringContext}), never the
 * shared one.
 */
public final class EmbeddedDatabaseOutage {

    private EmbeddedDatabaseOutage() {
    }

    public static void stop(ApplicationContext context) {
        context.getBean(EmbeddedMariaDb.class).stop();
    }

    /** Starts the server again; the application's pool reconnects on its own, a few seconds later. */
    public static void restart(ApplicationContext context) {
        context.getBean(EmbeddedMariaDb.class).restart();
    }

    public static boolean isRunning(ApplicationContext context) {
        return context.getBean(EmbeddedMariaDb.class).isRunning();
    }

    /**
     * Starts the server again if it is stopped, and waits until the application's pool is connected
     * again (Hikari retries up to 5 s apart): what a test does before it goes on as if nothing had
     * happened, and after it, so that the next test starts from a working application.
     */
    public static void restartAndReconnect(ApplicationContext context) {
        if (!isRunning(context)) {
            restart(context);
        }
        DataSource pool = context.getBean(DataSource.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try (Connection connection = pool.getConnection()) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The application did not reconnect to its database", e);
                }
            }
        }
    }
}
