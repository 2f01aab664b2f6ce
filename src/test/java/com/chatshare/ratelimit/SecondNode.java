package com.chatshare.ratelimit;

import com.chatshare.ratelimit.internal.CounterRows;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shared counters as a second node has them: another instance on the test database, with
 * the application's clock. For tests that count on "another node" and watch this one refuse.
 */
public final class SecondNode {

    private final SharedCounters counters;

    public SecondNode(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.counters = new SharedCounters(new CounterRows(jdbc), transactionManager, clock);
    }

    /** Counts {@code hits} of the key, as requests served by the second node would. */
    public void count(CounterKey key, long hits) {
        counters.update(List.of(key), counted -> counted.get(key).add(hits));
    }
}
