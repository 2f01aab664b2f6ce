package com.chatshare.sharing.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What this node knows about tokens it served, kept correct by the revocation feed
 * (docs/decisions/0011-revocation-feed.md).
 *
 * <p>Every change that can make a remembered answer wrong writes the token to
 * {@code share_revocation} in the same transaction ({@link #revokeIds}, {@link #revokeOwner},
 * {@link #revokeWhere}). Every node reads the last {@link #OVERLAP} of that table every
 * {@code chatshare.sharing.revocation-poll-interval} (100 ms) and forgets those tokens, so a
 * revocation reaches the other nodes within about one interval; on the node that made it, the
 * transaction's commit waits for a read of the feed, so it acts on the very next request there.
 *
 * <p>The memory is trusted only while the feed is read: when a read fails, everything is
 * forgotten, and when none succeeded for {@link #trustFor}, every request asks the database again
 * (which, with the database gone, answers 503 instead of serving a page that may have been deleted).
 * Only answers about links the public page serves are remembered; an unknown token is always
 * asked, and so is a restricted or expired link's, so that both cost the same.
 *
 * <p>A change that can touch every link at once (the sharing policy, decision 0016) writes one row
 * with the token {@link #EVERY_TOKEN} instead of one per link: every node forgets everything it
 * remembers when it reads that row.
 */
@Component
public class KnownHeads implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KnownHeads.class);

    /**
     * Every read of the feed reads this much of its recent past, so a row whose transaction
     * committed a little after its timestamp (or a read that came late) is still seen.
     */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    /** Rows older than this are deleted; a node that could not read the feed this long forgot everything. */
    static final Duration KEEP = Duration.ofHours(1);
    /** The feed's token for "forget every token": no real token has it ('*' is not base64url). */
    static final String EVERY_TOKEN = "*";
    /** A revoking transaction's commit waits at most this long for the feed to be read. */
    private static final Duration LOCAL_WAIT = Duration.ofSeconds(2);

    private static final String FEED = "select r.id, r.token, r.revoked_at, n.now from (select now(6) as now) n "
            + "left join share_revocation r on r.revoked_at >= n.now - interval " + OVERLAP.toSeconds() + " second";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Duration interval;
    private final long trustForNanos;
    private final Cache<String, SharePages.Head> heads = Caffeine.newBuilder()
            // As for rendered pages: bookkeeping on the reading thread, not a common-pool thread.
            .executor(Runnable::run)
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1))
            .recordStats()
            .build();
    /** Tokens the feed named lately, with when this node first read them: a lookup older than that may be stale. */
    private final Cache<String, Long> revokedAt = Caffeine.newBuilder()
            .executor(Runnable::run).expireAfterWrite(Duration.ofSeconds(30)).build();
    /** Feed rows this node has read, so the lag is measured once a row. */
    private final Cache<Long, Boolean> seenRows = Caffeine.newBuilder()
            .executor(Runnable::run).expireAfterWrite(OVERLAP.multipliedBy(3)).build();
    private final Timer lag;
    /** When this node first read the latest {@link #EVERY_TOKEN} row: a lookup asked before then may be stale. */
    private volatile long everythingRevokedAt;

    private final Object signal = new Object();
    private long asked;
    private long answered;
    private volatile long lastReadNanos;
    private volatile Timestamp lastReadDbTime;
    private long reads;
    private volatile Thread reader;

    KnownHeads(JdbcTemplate jdbc, MeterRegistry meters,
            @Value("${chatshare.sharing.revocation-poll-interval:100ms}") Duration interval) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(2);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.interval = interval;
        this.trustForNanos = Math.max(Duration.ofSeconds(1).toNanos(), interval.multipliedBy(5).toNanos());
        this.lastReadNanos = System.nanoTime() - trustForNanos - 1;
        this.everythingRevokedAt = System.nanoTime() - Duration.ofDays(1).toNanos();
        this.lag = Timer.builder("chatshare.share.revocation.lag")
                .description("From a revocation's commit on any node to this node reading it from the feed")
                .publishPercentileHistogram()
                .register(meters);
        CaffeineCacheMetrics.monitor(meters, heads, "share.heads");
    }

    /** The remembered answer for a token, or null when there is none or the feed is not being read. */
    SharePages.Head get(String token) {
        return trusted() ? heads.getIfPresent(token) : null;
    }

    /**
     * Remembers what the database answered to a lookup asked at {@code askedNanos}, unless the feed
     * named the token since then (the answer may predate that revocation).
     */
    void remember(String token, SharePages.Head head, long askedNanos) {
        if (!trusted()) {
            return;
        }
        heads.put(token, head);
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

        private boolean trusted() {
        return System.nanoTime() - lastReadNanos < trustForNanos;
    }

    /** Adds the links with these ids to the feed, in the caller's transaction. */
    public void revokeIds(java.util.Collection<Long> shareIds) {
        if (!shareIds.isEmpty()) {
            revokeWhere("s.id in (:ids)", new MapSqlParameterSource("ids", shareIds));
        }
    }

    /** Adds every link of an owner to the feed, in the caller's transaction. */
    public void revokeOwner(long ownerId) {
        revokeWhere("s.owner_id = :owner", new MapSqlParameterSource("owner", ownerId));
    }

    /**
     * Makes every node forget every token it remembers, in the caller's transaction: for a change
     * that may touch any number of links (one feed row, not one per link).
     */
    public void revokeAll() {
        jdbc.update("insert into share_revocation (token, revoked_at) values (?, now(6))", EVERY_TOKEN);
        readFeedAfterCommit();
    }

    /** Adds the links {@code share_link s} matching a condition to the feed, in the caller's transaction. */
    void revokeWhere(String where, SqlParameterSource params) {
        named.update("insert into share_revocation (token, revoked_at) select s.token, now(6) from share_link s where "
                + where, params);
        readFeedAfterCommit();
    }

    private void readFeedAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    readFeedNow();
                }
            });
        } else {
            readFeedNow();
        }
    }

    /** Waits for a read of the feed that starts after this call (on the reader thread, outside any transaction). */
    void readFeedNow() {
        long deadline = System.nanoTime() + LOCAL_WAIT.toNanos();
        synchronized (signal) {
            long mine = ++asked;
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
            if (answered < mine) {
                // Not read in time (or no reader): forget everything rather than serve what may be gone.
                heads.invalidateAll();
            }
        }
    }

    private void run() {
        while (reader == Thread.currentThread()) {
            long round;
            synchronized (signal) {
                try {
                    if (asked <= answered) {
                        signal.wait(Math.max(1, interval.toMillis()));
                    }
                } catch (InterruptedException e) {
                    break;
                }
                round = asked;
            }
            readFeed();
            synchronized (signal) {
                answered = Math.max(answered, round);
                signal.notifyAll();
            }
        }
    }

    private void readFeed() {
        try {
            Timestamp[] now = new Timestamp[1];
            jdbc.query(FEED, rs -> {
                now[0] = rs.getTimestamp(4);
                long id = rs.getLong(1);
                if (rs.wasNull()) {
                    return;
                }
                String token = rs.getString(2);
                if (seenRows.asMap().putIfAbsent(id, Boolean.TRUE) == null) {
                    lag.record(Math.max(0, now[0].getTime() - rs.getTimestamp(3).getTime()), TimeUnit.MILLISECONDS);
                    if (EVERY_TOKEN.equals(token)) {
                        // Marked before forgetting, as for one token: a lookup racing this either
                        // is forgotten here or sees the mark in remember().
                        everythingRevokedAt = System.nanoTime();
                        heads.invalidateAll();
                        return;
                    }
                    revokedAt.put(token, System.nanoTime());
                }
                if (!EVERY_TOKEN.equals(token)) {
                    heads.invalidate(token);
                }
            });
            Timestamp previous = lastReadDbTime;
            if (previous == null || now[0].getTime() - previous.getTime() > OVERLAP.toMillis() / 2) {
                // The first read, or a gap in which rows may have slipped out of the window.
                heads.invalidateAll();
            }
            lastReadDbTime = now[0];
            lastReadNanos = System.nanoTime();
            if (++reads % 3_000 == 0) {
                jdbc.update("delete from share_revocation where revoked_at < now(6) - interval " + KEEP.toSeconds()
                        + " second");
            }
        } catch (RuntimeException e) {
            if (trusted()) {
                log.warn("Revocation feed unreadable, serving share pages from the database only: {}", e.toString());
            }
            heads.invalidateAll();
            lastReadNanos = System.nanoTime() - trustForNanos - 1;
            // No busy loop against a database that is down.
            try {
                Thread.sleep(Math.max(interval.toMillis(), 250));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
