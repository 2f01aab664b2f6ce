package com.chatshare.base.database;

import org.springframework.context.ApplicationContext;

/**
 * Stops and starts a test context's embedded MariaDB for real, as an outage would: the fault tests
 * of every feature use it. Only for a context of its own ({@code @DirtiesContext}), never the
 * shared one.
 */
public final class EmbeddedDatabaseOutage {

    private EmbeddedDatabaseOutage() {
    }

    public static void stop(ApplicationContext context) {
        context.getBean(EmbeddedMariaDb.class).stop();
    }

    public static void restart(ApplicationContext context) {
        context.getBean(EmbeddedMariaDb.class).restart();
    }

    public static boolean isRunning(ApplicationContext context) {
        return context.getBean(EmbeddedMariaDb.class).isRunning();
    }
}
