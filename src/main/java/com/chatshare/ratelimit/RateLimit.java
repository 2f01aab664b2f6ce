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

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
