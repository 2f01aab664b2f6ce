package com.chatshare.sharepage.internal;

import com.chatshare.sharing.LinkHead;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What this node knows about tokens it served, kept correct by the revocation feed, which
 * {@link FeedReader} reads (docs/decisions/0011-revocation-feed.md).
 *
 * <p>The memory is trusted only while the feed is read: when a read fails, everything is
 * forgotten, and when none succeeded for a while ({@link FeedReader#TRUSTED_INTERVALS} poll
 * intervals, at least {@link FeedReader#MIN_TRUST}), every request asks the database again (which,
 * with the database gone, answers 503 instead of serving a page that may have been deleted). And
 * whatever the feed says, a remembered answer is used at most {@link #CONFIRM_AFTER} after the
 * database gave it: then the next request asks again. Only answers about links the public page
 * serves are remembered ({@link SharePages#head}); an unknown token is always asked, and so is a
 * restricted or expired link's, so that both cost the same.
 */
@Component
public class KnownHeads {

    /**
     * A remembered answer is trusted at most this long after the database gave it; the next
     * request after that asks the database again. The safety net under the feed: a revocation the
     * feed did not carry (a node that crashed between a late commit and its announcement) stops
     * being served within this bound of its commit, on every node.
     */
    public static final Duration CONFIRM_AFTER = Duration.ofSeconds(60);
    /** The most heads remembered (tens of MB at worst). */
    static final int MAX_REMEMBERED = 200_000;
    /**
     * How long a token the feed named is marked as revoked: far longer than a lookup takes (at
     * most {@link com.chatshare.sharing.PublicLinks#LOOKUP_TIMEOUT}), so a lookup that raced the
     * revocation still sees the mark when it comes back.
     */
    static final Duration REVOKED_MARK = Duration.ofSeconds(30);

    /** A remembered answer and when (by {@link #ticker}) the database gave it. */
    private record Remembered(LinkHead head, long confirmedAt) {
    }

    /** Measures {@link #CONFIRM_AFTER}: System.nanoTime(), a test's clock in tests. */
    private final Ticker ticker;
    private final Cache<String, Remembered> heads = Caffeine.newBuilder()
            // As for rendered pages: bookkeeping on the reading thread, not a common-pool thread.
            .executor(Runnable::run)
            .maximumSize(MAX_REMEMBERED)
            // Frees memory; what is trusted is decided by get() with the ticker.
            .expireAfterWrite(CONFIRM_AFTER)
            .recordStats()
            .build();
    /** Tokens the feed named lately, with when this node first read them: a lookup older than that may be stale. */
    private final Cache<String, Long> revokedAt = Caffeine.newBuilder()
            .executor(Runnable::run).expireAfterWrite(REVOKED_MARK).build();
    /** When this node first read the latest forget-everything row: a lookup asked before then may be stale. */
    private volatile long everythingRevokedAt;
    /** Until when (by {@link System#nanoTime()}) the feed reader vouches for the memory. */
    private volatile long trustedUntil;

    @Autowired
    KnownHeads(MeterRegistry meters, ObjectProvider<Ticker> ticker) {
        this(meters, ticker.getIfAvailable(Ticker::systemTicker));
    }

    KnownHeads(MeterRegistry meters, Ticker ticker) {
        this.ticker = ticker;
        this.trustedUntil = System.nanoTime() - 1;
        this.everythingRevokedAt = System.nanoTime() - Duration.ofDays(1).toNanos();
        CaffeineCacheMetrics.monitor(meters, heads, "share.heads");
    }

    /**
     * The remembered answer for a token, or null when there is none, the feed is not being read,
     * or the database gave it {@link #CONFIRM_AFTER} ago or longer.
     */
    @Nullable
    LinkHead get(String token) {
        if (!trusted()) {
            return null;
        }
        Remembered remembered = heads.getIfPresent(token);
        if (remembered == null) {
            return null;
        }
        long age = ticker.read() - remembered.confirmedAt();
        // A clock that went back says nothing about how old the answer is: not trusted either.
        if (age < 0 || age >= CONFIRM_AFTER.toNanos()) {
            heads.asMap().remove(token, remembered);
            return null;
        }
        return remembered.head();
    }

    /**
     * Remembers what the database answered to a lookup asked at {@code askedNanos}
     * ({@link System#nanoTime()}), unless the feed named the token since then (the answer may
     * predate that revocation).
     */
    void remember(String token, LinkHead head, long askedNanos) {
        if (!trusted()) {
            return;
        }
        // Trusted from when the database was asked, not from when it answered.
        heads.put(token, new Remembered(head, ticker.read() - Math.max(0, System.nanoTime() - askedNanos)));
        // Put first, then check: the reader marks a token before it forgets it, so either it
        // forgets this entry or this check sees its mark.
        Long revoked = revokedAt.getIfPresent(token);
        if ((revoked != null && revoked - askedNanos >= 0) || everythingRevokedAt - askedNanos >= 0) {
            heads.invalidate(token);
        }
    }

    /** Forgets what this node remembers of a token (a head the public page no longer serves). */
    void forget(String token) {
        heads.invalidate(token);
    }

    /** The feed named a token: marked before it is forgotten, so a lookup racing this either is forgotten here or sees the mark. */
    void revoked(String token) {
        revokedAt.put(token, System.nanoTime());
        heads.invalidate(token);
    }

    /** The feed said to forget every token: marked before forgetting, as for one token. */
    void everythingRevoked() {
        everythingRevokedAt = System.nanoTime();
        heads.invalidateAll();
    }

    /** Forgets everything, without a mark: what is remembered after this comes from lookups made after it. */
    void forgetAll() {
        heads.invalidateAll();
    }

    /** A read of the feed succeeded: the memory is trusted for {@code trustNanos} from now. */
    void feedRead(long trustNanos) {
        trustedUntil = System.nanoTime() + trustNanos;
    }

    /** A read of the feed failed: everything is forgotten and nothing trusted until a read succeeds. */
    void feedFailed() {
        heads.invalidateAll();
        trustedUntil = System.nanoTime() - 1;
    }

    boolean trusted() {
        return System.nanoTime() - trustedUntil < 0;
    }
}
