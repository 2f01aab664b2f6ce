package com.chatshare.base.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN as soon as the embedded MariaDB's process is gone (killed, crashed), without waiting for a
 * connection attempt to time out; the database's own check ({@code db}) covers an external server.
 */
class EmbeddedMariaDbHealthIndicator implements HealthIndicator {

    private final EmbeddedMariaDb server;

    EmbeddedMariaDbHealthIndicator(EmbeddedMariaDb server) {
        this.server = server;
    }

    @Override
    public Health health() {
        if (!server.isWatched()) {
            return Health.unknown().build(); // the database's own check still speaks for it
        }
        return server.isRunning() ? Health.up().build() : Health.down().withDetail("process", "not running").build();
    }
}
