package com.chatshare.sharing.internal;

import com.chatshare.sharing.LinksRevoked;
import com.chatshare.sharing.PublicLinks.IdRange;
import com.chatshare.sharing.PublicLinks.Revocation;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The revocation feed, {@code share_revocation} (docs/decisions/0011-revocation-feed.md): its
 * writer, called by every change that can make a node's remembered answer about a link wrong, and
 * the statements its readers run.
 *
 * <p>A change writes the tokens it affects in its own transaction, after it holds the links' row
 * locks ({@link #revokeIds}, {@link #revokeOwner}; a delete locks the rows first and then calls
 * {@link #revokeTokens} with the tokens it locked), as its last statement. Once that transaction
 * has ended, {@link LinksRevoked} is published on the revoking thread: a reader on this node reads
 * the feed before it returns, so the change acts on the very next request here. A transaction that
 * commits {@link #LATE_COMMIT} or more after writing its rows (a reader may have given up on them)
 * asks for every node to forget everything ({@link LinksRevoked#forgetEverything()}).
 *
 * <p>Readers read by id ({@link #read}): ids are handed out at insert and become visible at
 * commit, so a read can see a higher id before a lower one, and a reader re-reads the ids it has
 * not seen yet for {@link #GAP_TIMEOUT}. A change that can touch every link at once (the sharing
 * policy, decision 0016) writes one row with {@link #EVERY_TOKEN} instead of one per link.
 */
@Component
public class RevocationFeed {

    /**
     * A feed id a reader has not seen while it saw a higher one is re-read this long. Longer than
     * a revoking transaction runs: they write their rows last and commit a moment later; one that
     * commits later than {@link #LATE_COMMIT} announces itself again (see {@link #EVERY_TOKEN}).
     */
    public static final Duration GAP_TIMEOUT = Duration.ofMinutes(10);
    /**
     * A revoking transaction that commits this long or longer after writing its feed rows makes
     * every node forget everything once committed. Half of {@link #GAP_TIMEOUT}: a reader noticed
     * the gap after the row's id was handed out, so it still re-reads it until then.
     */
    public static final Duration LATE_COMMIT = GAP_TIMEOUT.dividedBy(2);
    /** Rows older than this are deleted; a node that could not read the feed this long forgot everything. */
    static final Duration KEEP = Duration.ofHours(1);
    /** The feed's token for "forget every token": no real token has it ('*' is not base64url). */
    public static final String EVERY_TOKEN = "*";
    /** A reader's statement gives up after this long: a stalled database must not stall the reader. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** Feed rows per insert statement: a bulk revocation is a few statements, not a loop of rows. */
    private static final int ROWS_PER_INSERT = 500;

    /**
     * Where a starting reader begins: after the rows written before any transaction still running
     * could have written its own (older than the gap timeout), so the first read also sees the
     * recent rows and the gaps between them.
     */
    private static final String START = "select coalesce((select max(id) from share_revocation "
            + "where revoked_at < now(6) - interval " + GAP_TIMEOUT.toSeconds() + " second), "
            + "(select min(id) - 1 from share_revocation), 0)";

    /** The writers' statements, in the caller's transaction (they may wait for row locks as the change does). */
    private final JdbcTemplate jdbc;
    /** The readers' statements: their own connection, outside any transaction, short timeouts. */
    private final JdbcTemplate readerJdbc;
    private final ApplicationEventPublisher events;
    /** Measures {@link #LATE_COMMIT}: System.nanoTime(), a test's clock in tests. */
    private final Ticker ticker;

    @Autowired
    RevocationFeed(JdbcTemplate jdbc, ApplicationEventPublisher events, ObjectProvider<Ticker> ticker) {
        this(jdbc, events, ticker.getIfAvailable(Ticker::systemTicker));
    }

    RevocationFeed(JdbcTemplate jdbc, ApplicationEventPublisher events, Ticker ticker) {
        this.jdbc = jdbc;
        this.readerJdbc = new JdbcTemplate(jdbc.getDataSource());
        this.readerJdbc.setQueryTimeout((int) READ_TIMEOUT.toSeconds());
        this.events = events;
        this.ticker = ticker;
    }

    /** Adds the links with these ids to the feed, in the caller's transaction (which changed them already). */
    public void revokeIds(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return;
        }
        List<Object> ids = List.copyOf(shareIds);
        revokeTokens(jdbc.queryForList("select s.token from share_link s where s.id in ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ") for update", String.class,
                ids.toArray()));
    }

    /** Adds every link of an owner to the feed, in the caller's transaction (which changed them already). */
    public void revokeOwner(long ownerId) {
        revokeTokens(jdbc.queryForList("select s.token from share_link s where s.owner_id = ? for update",
                String.class, ownerId));
    }

    /**
     * Makes every node forget every token it remembers, in the caller's transaction: for a change
     * that may touch any number of links (one feed row, not one per link).
     */
    public void revokeAll() {
        revokeTokens(List.of(EVERY_TOKEN));
    }

    /**
     * Writes tokens to the feed, in the caller's transaction, which holds their links' row locks
     * already: its last statement, a moment before the commit. The commit then waits for a read of
     * the feed on this node ({@link LinksRevoked}).
     */
    public void revokeTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        // Before the insert: whatever id it is given, a reader misses it no earlier than this.
        long writtenAt = ticker.read();
        for (int from = 0; from < tokens.size(); from += ROWS_PER_INSERT) {
            List<String> chunk = tokens.subList(from, Math.min(tokens.size(), from + ROWS_PER_INSERT));
            // A multi-row insert is given exactly its ids (insert ... select would leave unused ones).
            jdbc.update("insert into share_revocation (token, revoked_at) values "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, now(6))")), chunk.toArray());
        }
        announceAfterCommit(writtenAt);
    }

    private void announceAfterCommit(long writtenAt) {
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
                    events.publishEvent(new LinksRevoked(late || status == STATUS_UNKNOWN));
                }
            });
        } else {
            events.publishEvent(new LinksRevoked(false));
        }
    }

    /** The id a starting reader reads after (see {@link #START}); its own statement, outside any transaction. */
    public long start() {
        Long start = readerJdbc.queryForObject(START, Long.class);
        return start == null ? 0 : start;
    }

    /**
     * Reads the rows above {@code lastId} and the rows of the gaps {@code missing}, in id order;
     * its own statement, outside any transaction, giving up after {@link #READ_TIMEOUT}.
     */
    public void read(long lastId, Collection<IdRange> missing, Consumer<Revocation> each) {
        List<Object> args = new ArrayList<>(List.of(lastId));
        StringBuilder sql = new StringBuilder(
                "select id, token, revoked_at, now(6) from share_revocation where id > ?");
        for (IdRange gap : missing) {
            sql.append(" or id between ? and ?");
            args.add(gap.from());
            args.add(gap.to());
        }
        readerJdbc.query(sql.append(" order by id").toString(), (RowCallbackHandler) rs -> each.accept(new Revocation(
                rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant())),
                args.toArray());
    }

    /** Writes one {@link #EVERY_TOKEN} row as its own statement, outside any transaction (after a late commit). */
    public void announceForgetEverything() {
        readerJdbc.update("insert into share_revocation (token, revoked_at) values (?, now(6))", EVERY_TOKEN);
    }

    /** Deletes the rows older than {@link #KEEP}, as its own statement. */
    public void deleteOldRows() {
        readerJdbc.update("delete from share_revocation where revoked_at < now(6) - interval " + KEEP.toSeconds()
                + " second");
    }
}
