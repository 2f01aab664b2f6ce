package com.chatshare.ratelimit.internal;

import java.time.Instant;

/** One row of rate_limit_counter as stored, without its key. */
public record StoredCounter(Instant newestSlice, String sliceHits, Instant markedAt, Instant lockedAt,
        Instant lockedUntil, Instant expiresAt) {
}
