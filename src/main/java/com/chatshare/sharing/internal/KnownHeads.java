package com.chatshare.sharing.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
 * {@code share_revocation} in the same transaction, after it holds the link's row lock
 * ({@link #revokeIds}, {@link #revokeOwner}, {@link #lockTokens} then {@link #revokeTokens}). Every
 * node reads the feed by id every {@code chatshare.sharing.revocation-poll-interval} (100 ms) and
 * forgets those tokens. Ids are handed out at insert and become visible at commit, so a read can
 * see a higher id before a lower one: the lower ids it has not seen yet are kept as gaps and
 * re-read on every poll until their rows appear, for {@link #GAP_TIMEOUT}. A transaction that
 * commits later than {@link #LATE_COMMIT} after writing its rows (a reader may have given up on
 * them) makes every node forget everything ({@link #EVERY_TOKEN}) once it has committed. On the
 * node that made a revocation, the commit waits for a read of the feed, so it acts on the very
 * next request there.
 *
 * <p>The memory is trusted only while the feed is read: when a read fails, everything is
 * forgotten, and when none succeeded for {@link #trustFor}, every request asks the database again
 * (which, with the database gone, answers 503 instead of serving a page that may have been deleted).
 * And whatever the feed says, a remembered answer is used at most {@link #CONFIRM_AFTER} after the
 * database gave it: then the next request asks again. Only answers about links the public page
 * serves are remembered; an unknown token is always asked, and so is a restricted or expired
 * link's, so that both cost the same.
 *
 * <p>A change that can touch every link at once (the sharing policy, decision 0016) writes one row
 * with the token {@link #EVERY_TOKEN} instead of one per link: every node forgets everything it
 * remembers when it reads that row.
 */
@Component
public class KnownHeads implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KnownHeads.class);

    /**
     * A remembered answer is trusted at most this long after the database gave it; the next
     * request after that asks the database again. The safety net under the feed: a revocation the
     * feed did not carry (a node that crashed between a late commit and its announcement) stops
     * being served within this bound of its commit, on every node.
     */
    public static final Duration CONFIRM_AFTER = Duration.ofSeconds(60);
    /**
     * A feed id this node has not seen while it saw a higher one is re-read this long. Longer than
     * a revoking transaction runs: they write their rows last and commit a moment later; one that
     * commits later than {@link #LATE_COMMIT} announces itself again (see {@link #EVERY_TOKEN}).
     */
    static final Duration GAP_TIMEOUT = Duration.ofMinutes(10);
    /**
     * A revoking transaction that commits this long or longer after writing its feed rows also
     * writes an {@link #EVERY_TOKEN} row once committed. Half of {@link #GAP_TIMEOUT}: a reader
     * noticed the gap after the row's id was handed out, so it still re-reads it until then.
     */
    static final Duration LATE_COMMIT = GAP_TIMEOUT.dividedBy(2);
    /** At most this many gap ranges are re-read; past it, the oldest is given up and everything forgotten. */
    static final int MAX_GAPS = 1_000;
    /** Rows older than this are deleted; a node that could not read the feed this long forgot everything. */
    static final Duration KEEP = Duration.ofHours(1);
    /** The feed's token for "forget every token": no real token has it ('*' is not base64url). */
    static final String EVERY_TOKEN = "*";
    /** A revoking transaction's commit waits at most this long for the feed to be read. */
    private static final Duration LOCAL_WAIT = Duration.ofSeconds(2);
    /** Feed rows per insert statement: a bulk revocation is a few statements, not a loop of rows. */
    private static final int ROWS_PER_INSERT = 500;

    /**
     * Where a starting node begins: after the rows written before any transaction still running
     * could have written its own (older than the gap timeout), so the first read also sees the
     * recent rows and the gaps between them.
     */
    private static final String START = "select coalesce((select max(id) from share_revocation "
            + "where revoked_at < now(6) - interval " + GAP_TIMEOUT.toSeconds() + " second), "
            + "(select min(id) - 1 from share_revocation), 0)";

    /** A remembered answer and when (by {@link #ticker}) the database gave it. */
    private record Remembered(SharePages.Head head, long confirmedAt) {
    }

    /** Ids {@code from..to} this node has not seen (yet), first missed at {@code missedAt} (by {@link #ticker}). */
    private record Gap(long from, long to, long missedAt) {
    }

    /** The reader's connection: short timeouts, outside any transaction. */
    private final JdbcTemplate jdbc;
    /** The writers' statements, in the caller's transaction (they may wait for row locks as the change does). */
    private final NamedParameterJdbcTemplate named;
    private final Duration interval;
    private final long trustForNanos;
    /** Measures {@link #CONFIRM_AFTER}, {@link #GAP_TIMEOUT} and {@link #LATE_COMMIT}: System.nanoTime(), a test's clock in tests. */
    private final Ticker ticker;
    private final Cache<String, Remembered> heads = Caffeine.newBuilder()
            // As for rendered pages: bookkeeping on the reading thread, not a common-pool thread.
            .executor(Runnable::run)
            .maximumSize(200_000)
            // Frees memory; what is trusted is decided by get() with the ticker.
            .expireAfterWrite(CONFIRM_AFTER)
            .recordStats()
            .build();
    /** Tokens the feed named lately, with when this node first read them: a lookup older than that may be stale. */
    private final Cache<String, Long> revokedAt = Caffeine.newBuilder()
            .executor(Runnable::run).expireAfterWrite(Duration.ofSeconds(30)).build();
    private final Timer lag;
    /** When this node first read the latest {@link #EVERY_TOKEN} row: a lookup asked before then may be stale. */
    private volatile long everythingRevokedAt;

    /** The highest feed id read (the reader thread's own; -1 before the first read). */
    private long lastId = -1;
    /** Ids below {@link #lastId} not seen yet, by first id (the reader thread's own). */
    private final NavigableMap<Long, Gap> gaps = new TreeMap<>();

    private final Object signal = new Object();
    private long asked;
    private long answered;
    /** A late commit asked for an {@link #EVERY_TOKEN} row, which the reader writes before its next read. */
    private boolean announceAsked;
    private volatile long lastReadNanos;
    private long reads;
    private volatile Thread reader;

    @Autowired
    KnownHeads(JdbcTemplate jdbc, MeterRegistry meters,
            @Value("${chatshare.sharing.revocation-poll-interval:100ms}") Duration interval,
            ObjectProvider<Ticker> ticker) {
        this(jdbc, meters, interval, ticker.getIfAvailable(Ticker::systemTicker));
    }

    KnownHeads(JdbcTemplate jdbc, MeterRegistry meters, Duration interval, Ticker ticker) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(2);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.interval = interval;
        this.ticker = ticker;
        this.trustForNanos = Math.max(Duration.ofSeconds(1).toNanos(), interval.multipliedBy(5).toNanos());
        this.lastReadNanos = System.nanoTime() - trustForNanos - 1;
        this.everythingRevokedAt = System.nanoTime() - Duration.ofDays(1).toNanos();
        this.lag = Timer.builder("chatshare.share.revocation.lag")
                .description("From a revocation's feed row being written on any node to this node reading it")
                .publishPercentileHistogram()
                .register(meters);
        CaffeineCacheMetrics.monitor(meters, heads, "share.heads");
    }

    /**
     * The remembered answer for a token, or null when there is none, the feed is not being read,
     * or the database gave it {@link #CONFIRM_AFTER} ago or longer.
     */
    SharePages.Head get(String token) {
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
    void remember(String token, SharePages.Head head, long askedNanos) {
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

    private boolean trusted() {
        return System.nanoTime() - lastReadNanos < trustForNanos;
    }

    /** Adds the links with these ids to the feed, in the caller's transaction (which changed them already). */
    public void revokeIds(Collection<Long> shareIds) {
        if (!shareIds.isEmpty()) {
            revokeWhere("s.id in (:ids)", new MapSqlParameterSource("ids", shareIds));
        }
    }

    /** Adds every link of an owner to the feed, in the caller's transaction (which changed them already). */
    public void revokeOwner(long ownerId) {
        revokeWhere("s.owner_id = :owner", new MapSqlParameterSource("owner", ownerId));
    }

    /**
     * Makes every node forget every token it remembers, in the caller's transaction: for a change
     * that may touch any number of links (one feed row, not one per link).
     */
    public void revokeAll() {
        revokeTokens(List.of(EVERY_TOKEN));
    }

    /**
     * Adds the links {@code share_link s} matching a condition to the feed, in the caller's
     * transaction: after the change, which holds their row locks already.
     */
    void revokeWhere(String where, SqlParameterSource params) {
        revokeTokens(lockTokens(where, params));
    }

    /**
     * Locks the links {@code share_link s} matching a condition and returns their tokens, in the
     * caller's transaction: first thing in a change that removes them, which then writes the
     * tokens to the feed with {@link #revokeTokens} as its last statement. So the feed rows are
     * written when every lock is held, a moment before the commit.
     */
    List<String> lockTokens(String where, SqlParameterSource params) {
        return named.queryForList("select s.token from share_link s where " + where + " for update", params,
                String.class);
    }

    /** Writes tokens to the feed, in the caller's transaction; the commit then waits for a read of the feed. */
    void revokeTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        // Before the insert: whatever id it is given, a reader misses it no earlier than this.
        long writtenAt = ticker.read();
        for (int from = 0; from < tokens.size(); from += ROWS_PER_INSERT) {
            List<String> chunk = tokens.subList(from, Math.min(tokens.size(), from + ROWS_PER_INSERT));
            // A multi-row insert is given exactly its ids (insert ... select would leave unused ones).
            named.getJdbcTemplate().update("insert into share_revocation (token, revoked_at) values "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, now(6))")), chunk.toArray());
        }
        readFeedAfterCommit(writtenAt);
    }

    private void readFeedAfterCommit(long writtenAt) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        return;
                    }
                    // Committed late (readers may have given up on these rows), or not known to be
                    // committed or not: every node forgets everything.
                    boolean late = ticker.read() - writtenAt >= LATE_COMMIT.toNanos();
                    readFeedNow(late || status == STATUS_UNKNOWN);
                }
            });
        } else {
            readFeedNow(false);
        }
    }

    /** Waits for a read of the feed that starts after this call (on the reader thread, outside any transaction). */
    void readFeedNow() {
        readFeedNow(false);
    }

    /**
     * Waits for a read of the feed that starts after this call; with {@code announceEverything},
     * the reader first writes an {@link #EVERY_TOKEN} row (its own statement, outside the
     * transaction that just ended).
     */
    private void readFeedNow(boolean announceEverything) {
        if (announceEverything) {
            log.warn("A revocation committed {} or more after its feed rows were written: every node forgets "
                    + "every remembered share page", LATE_COMMIT);
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
                heads.invalidateAll();
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
            jdbc.update("insert into share_revocation (token, revoked_at) values (?, now(6))", EVERY_TOKEN);
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
                lastId = jdbc.queryForObject(START, Long.class);
            }
            List<Object> args = new ArrayList<>(List.of(lastId));
            StringBuilder sql = new StringBuilder(
                    "select id, token, revoked_at, now(6) from share_revocation where id > ?");
            for (Gap gap : gaps.values()) {
                sql.append(" or id between ? and ?");
                args.add(gap.from());
                args.add(gap.to());
            }
            long now = ticker.read();
            long[] next = {lastId + 1};
            jdbc.query(sql.append(" order by id").toString(), rs -> {
                long id = rs.getLong(1);
                if (id < next[0]) {
                    seen(id);
                } else {
                    if (id > next[0]) {
                        missed(next[0], id - 1, now);
                    }
                    next[0] = id + 1;
                }
                lag.record(Math.max(0, rs.getTimestamp(4).getTime() - rs.getTimestamp(3).getTime()),
                        TimeUnit.MILLISECONDS);
                forget(rs.getString(2), id);
            }, args.toArray());
            lastId = next[0] - 1;
            gaps.values().removeIf(gap -> now - gap.missedAt() >= GAP_TIMEOUT.toNanos());
            if (first) {
                heads.invalidateAll();
            }
            lastReadNanos = System.nanoTime();
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
            return;
        }
        if (++reads % 3_000 == 0) {
            deleteOldRows();
        }
    }

    private void forget(String token, long id) {
        if (EVERY_TOKEN.equals(token)) {
            // Marked before forgetting, as for one token: a lookup racing this either is
            // forgotten here or sees the mark in remember().
            everythingRevokedAt = System.nanoTime();
            heads.invalidateAll();
        } else {
            revokedAt.put(token, System.nanoTime());
            heads.invalidate(token);
        }
    }

    /** Ids {@code from..to} were not there while a higher one was: re-read until they are, or for the gap timeout. */
    private void missed(long from, long to, long now) {
        if (gaps.size() >= MAX_GAPS) {
            // Never expected (a gap is a transaction in flight or rolled back): give up the
            // oldest, and forget everything in case its transaction had already committed.
            log.warn("More than {} gaps in the revocation feed; forgetting every remembered share page", MAX_GAPS);
            gaps.remove(gaps.values().stream().min(Comparator.comparingLong(Gap::missedAt)).orElseThrow().from());
            heads.invalidateAll();
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
            jdbc.update("delete from share_revocation where revoked_at < now(6) - interval " + KEEP.toSeconds()
                    + " second");
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
