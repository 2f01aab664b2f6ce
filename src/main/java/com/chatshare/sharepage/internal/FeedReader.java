package com.chatshare.sharepage.internal;

import com.chatshare.sharing.LinksRevoked;
import com.chatshare.sharing.PublicLinks;
import com.chatshare.sharing.PublicLinks.IdRange;
import com.chatshare.sharing.PublicLinks.Revocation;
import com.chatshare.sharing.SharingSettings;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the revocation feed for this node's {@link KnownHeads} (docs/decisions/0011-revocation-feed.md),
 * through sharing's {@link PublicLinks}, on a platform thread of its own.
 *
 * <p>It reads by id every {@link SharingSettings#revocationPollInterval()} (100 ms) and makes
 * the memory forget the tokens it reads. Ids are handed out at insert and become visible at
 * commit, so a read can see a higher id before a lower one: the lower ids not seen yet are kept
 * as gaps and re-read on every poll until their rows appear, for {@link PublicLinks#GAP_TIMEOUT}.
 * On the node that made a revocation, the revoking thread waits for a read that starts after its
 * commit ({@link LinksRevoked}), so the revocation acts on the very next request there; after a
 * late commit this reader also writes the feed's forget-everything row, so every node forgets
 * everything.
 */
@Component
class FeedReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    /** At most this many gap ranges are re-read; past it, the oldest is given up and everything forgotten. */
    static final int MAX_GAPS = 1_000;
    /** A revoking thread waits at most this long for the feed to be read. */
    static final Duration LOCAL_WAIT = Duration.ofSeconds(2);
    /** After a failed read, the next one waits at least this long: no busy loop against a database that is down. */
    static final Duration BACK_OFF = Duration.ofMillis(250);
    /** Old feed rows are deleted once every this many reads (about every five minutes at 100 ms). */
    static final int PURGE_EVERY_READS = 3_000;
    /** The memory is trusted this many poll intervals after the last successful read of the feed ... */
    static final int TRUSTED_INTERVALS = 5;
    /** ... and at least this long. */
    static final Duration MIN_TRUST = Duration.ofSeconds(1);

    /** Ids {@code from..to} this node has not seen (yet), first missed at {@code missedAt} (by {@link #ticker}). */
    private record Gap(long from, long to, long missedAt) {
    }

    private final PublicLinks links;
    private final KnownHeads known;
    private final Duration interval;
    /** How long a successful read vouches for the memory: max(MIN_TRUST, TRUSTED_INTERVALS × interval). */
    private final long trustNanos;
    /** Measures {@link PublicLinks#GAP_TIMEOUT}: System.nanoTime(), a test's clock in tests. */
    private final Ticker ticker;
    private final Timer lag;

    /** The highest feed id read (the reader thread's own; -1 before the first read). */
    private long lastId = -1;
    /** Ids below {@link #lastId} not seen yet, by first id (the reader thread's own). */
    private final NavigableMap<Long, Gap> gaps = new TreeMap<>();

    private final Object signal = new Object();
    private long asked;
    private long answered;
    /** A late commit asked for a forget-everything row, which the reader writes before its next read. */
    private boolean announceAsked;
    private long reads;
    private volatile Thread reader;

    @Autowired
    FeedReader(PublicLinks links, KnownHeads known, MeterRegistry meters, SharingSettings settings,
            ObjectProvider<Ticker> ticker) {
        this(links, known, meters, settings.revocationPollInterval(), ticker.getIfAvailable(Ticker::systemTicker));
    }

    FeedReader(PublicLinks links, KnownHeads known, MeterRegistry meters, Duration interval, Ticker ticker) {
        this.links = links;
        this.known = known;
        this.interval = interval;
        this.trustNanos = Math.max(MIN_TRUST.toNanos(), interval.multipliedBy(TRUSTED_INTERVALS).toNanos());
        this.ticker = ticker;
        this.lag = Timer.builder("chatshare.share.revocation.lag")
                .description("From a revocation's feed row being written on any node to this node reading it")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Links were revoked on this node: read the feed before the revoking thread goes on. */
    @EventListener
    void on(LinksRevoked event) {
        readFeedNow(event.forgetEverything());
    }

    /** Waits for a read of the feed that starts after this call (on the reader thread, outside any transaction). */
    void readFeedNow() {
        readFeedNow(false);
    }

    /**
     * Waits for a read of the feed that starts after this call; with {@code announceEverything},
     * the reader first writes a forget-everything row (its own statement, outside the
     * transaction that just ended).
     */
    private void readFeedNow(boolean announceEverything) {
        if (announceEverything) {
            log.warn("A revocation committed {} or more after its feed rows were written: every node forgets "
                    + "every remembered share page", PublicLinks.LATE_COMMIT);
        }
        long deadline = System.nanoTime() + LOCAL_WAIT.toNanos();
        synchronized (signal) {
            long mine = ++asked;
            announceAsked |= announceEverything;
            signal.notifyAll();
            try {
                while (answered < mine) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || reader == null) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (answered < mine || announceEverything) {
                // Not read in time (or no reader): forget everything rather than serve what may be gone.
                known.forgetAll();
            }
        }
    }

    private void run() {
        while (reader == Thread.currentThread()) {
            long round;
            boolean announce;
            synchronized (signal) {
                try {
                    if (asked <= answered) {
                        signal.wait(Math.max(1, interval.toMillis()));
                    }
                } catch (InterruptedException e) {
                    break;
                }
                round = asked;
                announce = announceAsked;
                announceAsked = false;
            }
            if (announce && !announceEverything()) {
                synchronized (signal) {
                    announceAsked = true;
                }
            }
            readFeed();
            synchronized (signal) {
                answered = Math.max(answered, round);
                signal.notifyAll();
            }
        }
    }

    private boolean announceEverything() {
        try {
            links.announceForgetEverything();
            return true;
        } catch (RuntimeException e) {
            // Tried again before the next read; meanwhile every other node still confirms each page
            // within CONFIRM_AFTER.
            log.warn("Could not write the revocation feed's forget-everything row: {}", e.toString());
            return false;
        }
    }

    private void readFeed() {
        try {
            boolean first = lastId < 0;
            if (first) {
                lastId = links.revocationsStart();
            }
            long now = ticker.read();
            long[] next = {lastId + 1};
            links.readRevocations(lastId, gaps.values().stream().map(gap -> new IdRange(gap.from(), gap.to())).toList(),
                    revocation -> {
                        long id = revocation.id();
                        if (id < next[0]) {
                            seen(id);
                        } else {
                            if (id > next[0]) {
                                missed(next[0], id - 1, now);
                            }
                            next[0] = id + 1;
                        }
                        read(revocation);
                    });
            lastId = next[0] - 1;
            gaps.values().removeIf(gap -> now - gap.missedAt() >= PublicLinks.GAP_TIMEOUT.toNanos());
            if (first) {
                known.forgetAll();
            }
            known.feedRead(trustNanos);
        } catch (RuntimeException e) {
            if (known.trusted()) {
                log.warn("Revocation feed unreadable, serving share pages from the database only: {}", e.toString());
            }
            known.feedFailed();
            try {
                Thread.sleep(Math.max(interval.toMillis(), BACK_OFF.toMillis()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (++reads % PURGE_EVERY_READS == 0) {
            deleteOldRows();
        }
    }

    private void read(Revocation revocation) {
        lag.record(Math.max(0, revocation.readAt().toEpochMilli() - revocation.revokedAt().toEpochMilli()),
                TimeUnit.MILLISECONDS);
        if (revocation.forgetsEverything()) {
            known.everythingRevoked();
        } else {
            known.revoked(revocation.token());
        }
    }

    /** Ids {@code from..to} were not there while a higher one was: re-read until they are, or for the gap timeout. */
    private void missed(long from, long to, long now) {
        if (gaps.size() >= MAX_GAPS) {
            // Never expected (a gap is a transaction in flight or rolled back): give up the
            // oldest, and forget everything in case its transaction had already committed.
            log.warn("More than {} gaps in the revocation feed; forgetting every remembered share page", MAX_GAPS);
            gaps.remove(gaps.values().stream().min(Comparator.comparingLong(Gap::missedAt)).orElseThrow().from());
            known.forgetAll();
        }
        gaps.put(from, new Gap(from, to, now));
    }

    /** A gap's id arrived: the gap keeps the ids on either side of it. */
    private void seen(long id) {
        Map.Entry<Long, Gap> entry = gaps.floorEntry(id);
        if (entry == null || entry.getValue().to() < id) {
            return;
        }
        Gap gap = gaps.remove(entry.getKey());
        if (gap.from() < id) {
            gaps.put(gap.from(), new Gap(gap.from(), id - 1, gap.missedAt()));
        }
        if (id < gap.to()) {
            gaps.put(id + 1, new Gap(id + 1, gap.to(), gap.missedAt()));
        }
    }

    /** Retention; a failure here (a row lock in its way) is not a failure to read the feed. */
    private void deleteOldRows() {
        try {
            links.deleteOldRevocations();
        } catch (RuntimeException e) {
            log.info("Old revocation feed rows not deleted this time: {}", e.toString());
        }
    }

    /** How many gap ranges this node is re-reading (for tests). */
    int gapCount() {
        return gaps.size();
    }

    @Override
    public void start() {
        // Assigned before it starts: the loop runs while it is the reader, and a thread started
        // first could look before the assignment and end at once (it did, under load).
        Thread thread = Thread.ofPlatform().name("share-revocation-feed").daemon().unstarted(this::run);
        reader = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = reader;
        reader = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }
}
