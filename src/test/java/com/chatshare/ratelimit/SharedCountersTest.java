package com.chatshare.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.ManualClock;
import com.chatshare.ratelimit.internal.CounterRows;
import com.chatshare.ratelimit.internal.ExpiredCounters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shared counters on the test database: two instances on one data source are two nodes, each
 * with the same clock standing still at an instant the test chooses. Every test counts under a
 * scope of its own.
 */
@IntegrationTest
class SharedCountersTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** On a slice boundary of every window used here. */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final String scope = "test " + UUID.randomUUID().toString().substring(0, 8);

    private SharedCounters node() {
        return new SharedCounters(new CounterRows(jdbc), transactionManager, clock);
    }

    @Test
    void a_refused_hit_says_how_long_until_the_oldest_hits_leave_the_window() {
        SharedCounters node = node();
        // 12:00:00 is a slice's start (slices of 4 s for a minute): two hits now, one 20 s later.
        assertThat(node.acquireOrWait(scope, "carol", 3, MINUTE)).isEmpty();
        assertThat(node.acquireOrWait(scope, "carol", 3, MINUTE)).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(node.acquireOrWait(scope, "carol", 3, MINUTE)).isEmpty();

        // Full: the first two leave at 12:01:00, 40 s from now, and then one hit fits again.
        assertThat(node.acquireOrWait(scope, "carol", 3, MINUTE)).contains(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(39));
        assertThat(node.acquireOrWait(scope, "carol", 3, MINUTE)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(node.acquireOrWait(scope, "carol", 3, MINUTE)).isEmpty();
    }

    @Test
    void two_nodes_share_one_allowance() {
        SharedCounters one = node();
        SharedCounters two = node();
        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            granted.add((i % 2 == 0 ? one : two).tryAcquire(scope, "alice", 6, MINUTE));
        }

        assertThat(granted).containsExactly(true, true, true, true, true, true, false, false, false, false);
        assertThat(one.tryAcquire(scope, "bob", 6, MINUTE)).isTrue();
    }

    @Test
    void parallel_requests_on_two_nodes_get_exactly_the_limit() throws Exception {
        List<SharedCounters> nodes = List.of(node(), node());
        int limit = 25;
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                SharedCounters node = nodes.get(i % 2);
                requests.add(threads.submit((Callable<Boolean>) () -> node.tryAcquire(scope, "burst", limit, MINUTE)));
            }
            int granted = 0;
            for (Future<Boolean> request : requests) {
                granted += request.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(granted).isEqualTo(limit);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_hit_counts_for_the_window_and_no_longer() {
        SharedCounters counters = node();
        assertThat(counters.tryAcquire(scope, "key", 2, Duration.ofMinutes(15))).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(counters.tryAcquire(scope, "key", 2, Duration.ofMinutes(15))).isTrue();

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(counters.tryAcquire(scope, "key", 2, Duration.ofMinutes(15))).as("14:59 after the first").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(counters.tryAcquire(scope, "key", 2, Duration.ofMinutes(15))).as("15:00 after the first").isTrue();
        assertThat(counters.tryAcquire(scope, "key", 2, Duration.ofMinutes(15))).isFalse();
    }

    @Test
    void no_burst_of_twice_the_limit_fits_across_a_window_edge() {
        SharedCounters counters = node();
        clock.advance(Duration.ofSeconds(58));
        for (int i = 0; i < 5; i++) {
            assertThat(counters.tryAcquire(scope, "edge", 5, MINUTE)).isTrue();
        }
        // Past the edge of a fixed one-minute window, which would start counting from zero.
        clock.advance(Duration.ofSeconds(4));

        assertThat(counters.tryAcquire(scope, "edge", 5, MINUTE)).isFalse();
    }

    @Test
    void refused_requests_are_not_counted() {
        SharedCounters counters = node();
        assertThat(counters.tryAcquire(scope, "hammer", 1, MINUTE)).isTrue();
        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(counters.tryAcquire(scope, "hammer", 1, MINUTE)).isFalse();
        }
        clock.advance(Duration.ofSeconds(5));

        assertThat(counters.tryAcquire(scope, "hammer", 1, MINUTE)).isTrue();
    }

    @Test
    void a_hit_whose_transaction_rolls_back_is_given_back() {
        SharedCounters counters = node();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            assertThat(counters.tryAcquire(scope, "undone", 1, MINUTE)).isTrue();
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");

        assertThat(counters.tryAcquire(scope, "undone", 1, MINUTE)).isTrue();
        assertThat(counters.tryAcquire(scope, "undone", 1, MINUTE)).isFalse();
    }

    @Test
    void keys_are_stored_as_their_sha_256_only() throws Exception {
        node().tryAcquire(scope, "203.0.113.9", 3, MINUTE);

        List<byte[]> hashes = jdbc.queryForList("select key_hash from rate_limit_counter where scope = ?",
                byte[].class, scope);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("203.0.113.9".getBytes(StandardCharsets.UTF_8));
        assertThat(hashes).singleElement().isEqualTo(expected);
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_counter where scope = ? and "
                + "concat(slice_hits, coalesce(marked_at, '')) like '%203.0.113%'", Integer.class, scope)).isZero();
    }

    @Test
    void a_lock_lasts_its_period_on_every_node() {
        CounterKey key = new CounterKey(scope, "locked", Duration.ofMinutes(15));
        node().update(List.of(key), counters -> counters.get(key).lock(Duration.ofMinutes(15)));
        SharedCounters other = node();

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(other.read(List.of(key)).get(key).isLocked()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(other.read(List.of(key)).get(key).isLocked()).isFalse();
    }

    @Test
    void hits_given_back_leave_the_slice_they_were_counted_in() {
        CounterKey total = new CounterKey(scope, "total", Duration.ofMinutes(15));
        CounterKey part = new CounterKey(scope, "part", Duration.ofMinutes(15));
        SharedCounters counters = node();
        Instant first = clock.instant();
        counters.update(List.of(total, part), counted -> {
            counted.get(total).add(3);
            counted.get(part).add(2);
        });
        clock.advance(Duration.ofMinutes(7));
        counters.update(List.of(total, part), counted -> {
            counted.get(total).add(1);
            counted.get(part).add(1);
        });
        clock.advance(Duration.ofMinutes(1));

        counters.update(List.of(total, part), counted -> {
            counted.get(total).removeHitsOf(counted.get(part));
            counted.get(total).remove(1, first);
        });

        assertThat(counters.read(List.of(total)).get(total).count()).isZero();
    }

    @Test
    void a_clock_that_went_back_does_not_count_what_it_counted_in_its_future() {
        SharedCounters counters = node();
        clock.advance(Duration.ofDays(3));
        assertThat(counters.tryAcquire(scope, "time-travel", 1, MINUTE)).isTrue();
        clock.advance(Duration.ofDays(-3));

        assertThat(counters.tryAcquire(scope, "time-travel", 1, MINUTE)).isTrue();
    }

    @Test
    void counters_that_hold_nothing_any_more_are_deleted() {
        SharedCounters counters = node();
        counters.tryAcquire(scope, "short", 5, MINUTE);
        counters.tryAcquire(scope, "long", 5, Duration.ofHours(1));
        ExpiredCounters expired = new ExpiredCounters(new CounterRows(jdbc), clock);

        clock.advance(Duration.ofMinutes(2));
        expired.delete();
        assertThat(jdbc.queryForList("select count(*) from rate_limit_counter where scope = ?", Integer.class, scope))
                .containsExactly(1);

        clock.advance(Duration.ofHours(2));
        expired.delete();
        assertThat(jdbc.queryForList("select count(*) from rate_limit_counter where scope = ?", Integer.class, scope))
                .containsExactly(0);
    }

    @Test
    void not_in_a_read_only_transaction() {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> node().tryAcquire(scope, "ro", 1, MINUTE)))
                .isInstanceOf(IllegalStateException.class);
    }
}
