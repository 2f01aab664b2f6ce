package com.chatshare.ratelimit.internal;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the counters that hold nothing any more (past their expires_at), a thousand per
 * statement. Every node runs it; what one deleted the others do not find.
 */
@Component
public class ExpiredCounters {

    static final int BATCH = 1_000;

    private final CounterRows rows;
    private final Clock clock;

    public ExpiredCounters(CounterRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** @return how many counters were deleted */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    public int delete() {
        int deleted = 0;
        int batch;
        do {
            batch = rows.deleteExpired(clock.instant(), BATCH);
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
