package com.chatshare.base.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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

    /**
     * Freezes the server's process (SIGSTOP), as a hung server, a full disk or a host that stopped
     * answering look to the application: connections stay open, nothing answers. Undo with
     * {@link #thaw(ApplicationContext)}, always (in a finally block).
     */
    public static void freeze(ApplicationContext context) {
        signal(context, "STOP");
    }

    /** Lets a frozen server run again (SIGCONT); harmless when it is not frozen. */
    public static void thaw(ApplicationContext context) {
        signal(context, "CONT");
    }

    private static void signal(ApplicationContext context, String signal) {
        long pid = context.getBean(EmbeddedMariaDb.class).process()
                .orElseThrow(() -> new IllegalStateException("The embedded MariaDB's process is not known"))
                .pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + signal, e);
        }
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
