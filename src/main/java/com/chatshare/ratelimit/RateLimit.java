package com.chatshare.ratelimit;

import java.time.Duration;

/**
 * At most {@link #limit()} hits per key within a sliding {@link #window()}, counted by every node
 * together: {@link SharedCounters#limit(String, int, Duration)}.
 */
public final class RateLimit {

    private final SharedCounters counters;
    private final String scope;
    private final int limit;
    private final Duration window;

    RateLimit(SharedCounters counters, String scope, int limit, Duration window) {
        this.counters = counters;
        this.scope = scope;
        this.limit = limit;
        this.window = window;
    }

    /** See {@link SharedCounters#tryAcquire(String, String, int, Duration)}. */
    public boolean tryAcquire(String key) {
        return counters.tryAcquire(scope, key, limit, window);
    }

    /** For a limit per account: the account's id as the key. */
    public boolean tryAcquire(long accountId) {
        return tryAcquire(Long.toString(accountId));
    }

    /**
     * For a limit per account, with the wait when refused: empty when the hit was counted,
     * otherwise how long until the account may go ahead again.
     */
    public java.util.Optional<Duration> acquireOrWait(long accountId) {
        return counters.acquireOrWait(scope, Long.toString(accountId), limit, window);
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
