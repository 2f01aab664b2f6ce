package com.chatshare.ratelimit;

import com.chatshare.ratelimit.internal.StoredCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One shared counter as {@link SharedCounters#update} hands it out: locked for the transaction
 * and read at one instant ({@link Counters#now()}); what is changed here is saved when the work
 * returns.
 *
 * <p>It counts hits in a sliding window: the window is cut into {@link #SLICES} slices aligned
 * to the epoch, and {@link #count()} adds up the slice that holds now and the fourteen before
 * it. A hit thus counts for between 14/15 of the window and the whole window, never longer, and
 * no burst of twice the limit fits across a window's edge as it would with fixed windows.
 * Besides its hits a counter can be locked for a while and carry a mark (a time the limit sets).
 */
public final class WindowCounter {

    /** Slices per window. */
    public static final int SLICES = 15;

    private final Instant now;
    private final Duration window;
    private final long sliceMillis;
    private final long[] hits = new long[SLICES];
    private long newestSlice;
    private Instant markedAt;
    private Instant lockedAt;
    private Instant lockedUntil;
    private Instant keepUntil;
    private boolean changed;
    private boolean deleted;

    WindowCounter(CounterKey key, Instant now, StoredCounter stored) {
        this.now = now;
        this.window = key.window();
        this.sliceMillis = key.sliceMillis();
        long current = sliceStart(now.toEpochMilli());
        newestSlice = current;
        keepUntil = now;
        if (stored == null) {
            return;
        }
        long storedNewest = sliceStart(stored.newestSlice().toEpochMilli());
        if (storedNewest - current >= window.toMillis()) {
            // Written by a clock more than a window ahead of this one: a clock that has gone back
            // since (tests move theirs), not a node's drift. Nothing in it is this clock's to count.
            return;
        }
        // A row a little ahead (a node whose clock runs ahead) keeps its newest slice: hits from
        // here are counted into it rather than into an older one.
        newestSlice = Math.max(current, storedNewest);
        long shift = (newestSlice - storedNewest) / sliceMillis;
        long[] storedHits = parse(stored.sliceHits());
        for (int i = 0; i < storedHits.length && i + shift < SLICES; i++) {
            hits[(int) (i + shift)] = storedHits[i];
        }
        markedAt = stored.markedAt();
        lockedAt = stored.lockedAt();
        lockedUntil = stored.lockedUntil();
        keepUntil = stored.expiresAt();
    }

    /** The hits within the window. */
    public long count() {
        return Arrays.stream(hits).sum();
    }

    /**
     * How long until fewer than {@code limit} hits are within the window, as the oldest slices
     * leave it: zero when there are already fewer.
     */
    public Duration untilBelow(long limit) {
        long remaining = count();
        for (int i = SLICES - 1; i >= 0 && remaining >= limit; i--) {
            remaining -= hits[i];
            if (remaining < limit) {
                long leavesAt = newestSlice - i * sliceMillis + SLICES * sliceMillis;
                return Duration.ofMillis(Math.max(0, leavesAt - now.toEpochMilli()));
            }
        }
        return Duration.ZERO;
    }

    /** Counts {@code count} hits now. */
    public void add(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("hits are given back with remove");
        }
        hits[0] += count;
        changed = true;
    }

    /** Gives back up to {@code count} hits that were counted at {@code at}; nothing once they left the window. */
    public void remove(long count, Instant at) {
        int slice = sliceOf(at.toEpochMilli());
        if (slice < SLICES) {
            hits[slice] = Math.max(0, hits[slice] - count);
            changed = true;
        }
    }

    /**
     * Gives back, slice by slice, the hits another counter of the same window holds: for a total
     * (failures of a username) that a detail counter (failures of the username from one address)
     * was counted into as well.
     */
    public void removeHitsOf(WindowCounter other) {
        if (other.sliceMillis != sliceMillis) {
            throw new IllegalArgumentException("counters with different windows");
        }
        for (int i = 0; i < SLICES; i++) {
            if (other.hits[i] > 0) {
                int slice = sliceOf(other.newestSlice - i * sliceMillis);
                if (slice < SLICES) {
                    hits[slice] = Math.max(0, hits[slice] - other.hits[i]);
                    changed = true;
                }
            }
        }
    }

    /** Forgets every hit; a lock and a mark stay. */
    public void reset() {
        Arrays.fill(hits, 0);
        changed = true;
    }

    /** Whether a {@link #lock} is in force now. */
    public boolean isLocked() {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** When the lock in force now began. */
    public Optional<Instant> lockedAt() {
        return isLocked() ? Optional.ofNullable(lockedAt) : Optional.empty();
    }

    /** Locks the counter from now for {@code period}, replacing an earlier lock. */
    public void lock(Duration period) {
        lockedAt = now;
        lockedUntil = now.plus(period);
        changed = true;
    }

    /** Marks the counter with the time now, kept for at least {@code keep}. */
    public void mark(Duration keep) {
        markedAt = now;
        keepUntil = later(keepUntil, now.plus(keep));
        changed = true;
    }

    /** The last {@link #mark}, while it is kept. */
    public Optional<Instant> markedAt() {
        return markedAt != null && now.isBefore(keepUntil) ? Optional.of(markedAt) : Optional.empty();
    }

    /** Removes the counter: hits, lock and mark. */
    public void delete() {
        deleted = true;
        changed = true;
    }

    boolean isChanged() {
        return changed;
    }

    boolean isDeleted() {
        return deleted;
    }

    StoredCounter toStored() {
        Instant expires = later(keepUntil, lockedUntil);
        if (count() > 0) {
            expires = later(expires, Instant.ofEpochMilli(newestSlice + sliceMillis).plus(window));
        }
        StringJoiner joined = new StringJoiner(",");
        int last = SLICES - 1;
        while (last >= 0 && hits[last] == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            joined.add(Long.toString(hits[i]));
        }
        return new StoredCounter(Instant.ofEpochMilli(newestSlice), joined.toString(), markedAt, lockedAt,
                lockedUntil, expires);
    }

    /** Position of the slice holding {@code epochMillis}: 0 the newest, {@link #SLICES} or more out of the window. */
    private int sliceOf(long epochMillis) {
        long slice = (newestSlice - sliceStart(epochMillis)) / sliceMillis;
        return (int) Math.min(SLICES, Math.max(0, slice));
    }

    private long sliceStart(long epochMillis) {
        return Math.floorDiv(epochMillis, sliceMillis) * sliceMillis;
    }

    private static long[] parse(String sliceHits) {
        return sliceHits.isEmpty() ? new long[0]
                : Arrays.stream(sliceHits.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || (a != null && a.isAfter(b)) ? a : b;
    }
}
