package com.chatshare.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username. After {@link #MAX_FAILURES} failures within
 * {@link #WINDOW}, sign-ins for that username are refused for {@link #LOCKOUT}, whether or not
 * the account exists, so the answer never tells an attacker which usernames are real.
 *
 * <p>The counts live in this node's memory, bounded in size; with several nodes each node
 * counts on its own (see docs/decisions/0002-login-throttle-in-memory.md).
 */
@Component
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED_USERNAMES = 100_000;

    private final Clock clock;
    private final Cache<String, Attempts> attempts = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_USERNAMES)
            .expireAfterAccess(WINDOW.plus(LOCKOUT))
            .build();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether sign-ins for this username are refused right now. */
    public boolean isLocked(String username) {
        Attempts a = attempts.getIfPresent(key(username));
        return a != null && a.isLocked(clock.instant());
    }

    public void recordFailure(String username) {
        attempts.asMap().computeIfAbsent(key(username), k -> new Attempts()).fail(clock.instant());
    }

    public void recordSuccess(String username) {
        attempts.invalidate(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static final class Attempts {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void fail(Instant now) {
            if (isLocked(now)) {
                return;
            }
            Instant windowStart = now.minus(WINDOW);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(windowStart)) {
                failures.removeFirst();
            }
            failures.addLast(now);
            if (failures.size() >= MAX_FAILURES) {
                lockedUntil = now.plus(LOCKOUT);
                failures.clear();
            }
        }

        synchronized boolean isLocked(Instant now) {
            return now.isBefore(lockedUntil);
        }
    }
}
