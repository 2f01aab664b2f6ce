package com.chatshare.ratelimit;

import java.time.Instant;
import java.util.Map;

/** The counters one {@link SharedCounters#update} or {@link SharedCounters#read} asked for, all read at {@link #now()}. */
public final class Counters {

    private final Instant now;
    private final Map<CounterKey, WindowCounter> byKey;

    Counters(Instant now, Map<CounterKey, WindowCounter> byKey) {
        this.now = now;
        this.byKey = byKey;
    }

    /** @throws IllegalArgumentException for a key that was not asked for */
    public WindowCounter get(CounterKey key) {
        WindowCounter counter = byKey.get(key);
        if (counter == null) {
            throw new IllegalArgumentException(key + " was not asked for");
        }
        return counter;
    }

    /** The instant the counters were read at and count from: the application clock's. */
    public Instant now() {
        return now;
    }

    Map<CounterKey, WindowCounter> byKey() {
        return byKey;
    }
}
