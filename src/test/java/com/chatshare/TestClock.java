package com.chatshare;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: real time in microseconds, moved forward on request, with a
 * hook that runs inside the next reading of one thread (to act between two steps of a service
 * call, such as a takedown committed while an Update is in flight).
 */
public final class TestClock extends Clock {

    private final Clock base = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private final ThreadLocal<Runnable> nextReading = new ThreadLocal<>();
    private volatile Duration offset = Duration.ZERO;

    /** Runs {@code hook} once, on this thread's next reading of the clock. */
    public void onNextReadingInThisThread(Runnable hook) {
        nextReading.set(hook);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
        nextReading.remove();
    }

    /**
     * This clock as a ticker, in nanoseconds, without running the hook: for the share-page
     * memory's bounds, so that a test moves them with {@link #advance}.
     */
    public long nanos() {
        Instant now = base.instant().plus(offset);
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public Instant instant() {
        Runnable hook = nextReading.get();
        if (hook != null) {
            nextReading.remove();
            hook.run();
        }
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
