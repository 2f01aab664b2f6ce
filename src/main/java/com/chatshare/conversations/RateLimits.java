package com.chatshare.conversations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Per-account token buckets (Bucket4j, in this node's memory, bounded by Caffeine) for the costly
 * things one signed-in person can ask for over and over: assistant answers here, continuing
 * shared chats in sharing. With several nodes each counts on its own.
 */
public final class RateLimits {

    public static final String TOO_MANY_REPLIES =
            "You asked for many answers in the last minute. Wait a moment, then press Retry.";

    private RateLimits() {
    }

    public static PerUser perUser(int capacity, Duration period) {
        return new PerUser(capacity, period);
    }

    /** A bucket per account id. */
    public static final class PerUser {

        private final int capacity;
        private final Duration period;
        private final Cache<Long, Bucket> buckets;

        private PerUser(int capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
            this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(2)).build();
        }

        /** Takes one from the account's bucket; false when it is empty. */
        public boolean tryAcquire(long accountId) {
            return buckets.get(accountId, id -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                    .build()).tryConsume(1);
        }
    }
}
