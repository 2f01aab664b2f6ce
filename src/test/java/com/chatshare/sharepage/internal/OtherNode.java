package com.chatshare.sharepage.internal;

import com.chatshare.sharing.LinkHead;
import com.chatshare.sharing.PublicLinks;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareStatus;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The share-page memory as a second node has it: another {@link KnownHeads} on the test database,
 * with its own {@link FeedReader} thread and the given ticker. For tests of what reaches "another node".
 */
public final class OtherNode implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final KnownHeads heads;
    private final FeedReader reader;

    public OtherNode(PublicLinks links, JdbcTemplate jdbc, Ticker ticker) {
        this.jdbc = jdbc;
        Duration interval = Duration.ofMillis(100);
        this.heads = new KnownHeads(new SimpleMeterRegistry(), ticker);
        this.reader = new FeedReader(links, heads, new SimpleMeterRegistry(), interval, ticker);
        reader.start();
    }

    /**
     * Looks the link up in the database and remembers it, as this node does after serving it
     * (waits for the node's first read of the feed, before which it remembers nothing).
     */
    public void serves(String token) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            long asked = System.nanoTime();
            LinkHead head = jdbc.queryForObject("select id, status, snapshot_version, audience, expires_at "
                    + "from share_link where token = ?", (rs, n) -> {
                        Timestamp expires = rs.getTimestamp(5);
                        return new LinkHead(rs.getLong(1), ShareStatus.valueOf(rs.getString(2)), rs.getInt(3),
                                ShareAudience.valueOf(rs.getString(4)), expires == null ? null : expires.toInstant());
                    }, token);
            heads.remember(token, head, asked);
            if (remembers(token)) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the other node never started reading the feed");
    }

    /** Whether a request for the token would be answered from this node's memory. */
    public boolean remembers(String token) {
        return heads.get(token) != null;
    }

    /** Whether this node stops answering the token from memory within a generous wait. */
    public boolean forgets(String token) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (remembers(token) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return !remembers(token);
    }

    /** How many ranges of feed ids this node is still waiting for. */
    public int gaps() {
        return reader.gapCount();
    }

    @Override
    public void close() {
        reader.stop();
    }
}
