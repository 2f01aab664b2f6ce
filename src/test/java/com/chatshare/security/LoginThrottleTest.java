package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void four_failures_do_not_lock() {
        fail("carol", 4);
        assertThat(throttle.isLocked("carol")).isFalse();
    }

    @Test
    void fifth_failure_within_fifteen_minutes_locks_for_fifteen_minutes() {
        fail("carol", 4);
        clock.advance(Duration.ofMinutes(14));
        fail("carol", 1);
        assertThat(throttle.isLocked("carol")).isTrue();
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.isLocked("carol")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isLocked("carol")).isFalse();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        fail("carol", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("carol", 1);
        assertThat(throttle.isLocked("carol")).isFalse();
    }

    @Test
    void success_clears_the_count() {
        fail("carol", 4);
        throttle.recordSuccess("carol");
        fail("carol", 4);
        assertThat(throttle.isLocked("carol")).isFalse();
    }

    @Test
    void usernames_are_counted_without_regard_to_case_or_spaces() {
        fail("Carol", 2);
        fail(" carol ", 3);
        assertThat(throttle.isLocked("CAROL")).isTrue();
        assertThat(throttle.isLocked("dave")).isFalse();
    }

    private void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
