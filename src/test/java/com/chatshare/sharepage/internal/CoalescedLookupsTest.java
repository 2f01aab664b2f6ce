package com.chatshare.sharepage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shared lookups never answer from a query that started before the lookup was asked. */
class CoalescedLookupsTest {

    private final Map<String, Integer> table = new ConcurrentHashMap<>();
    private final List<Set<String>> queries = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstQueryStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstQuery = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private CoalescedLookups<String, Integer> lookups;

    private Map<String, Integer> query(Set<String> keys) {
        queries.add(Set.copyOf(keys));
        Map<String, Integer> found = new HashMap<>();
        keys.forEach(key -> {
            if (table.containsKey(key)) {
                found.put(key, table.get(key));
            }
        });
        if (queries.size() == 1) { // the first query has read, but not yet answered
            firstQueryStarted.countDown();
            await(releaseFirstQuery);
        }
        return found;
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        if (lookups != null) {
            lookups.close();
        }
    }

    @Test
    void a_lookup_asked_during_a_query_waits_for_the_next_one_and_sees_what_changed_before_it() throws Exception {
        lookups = new CoalescedLookups<>("test-lookups", this::query, 100, java.time.Duration.ofSeconds(10), 1_000);
        table.put("link", 1);
        Future<Optional<Integer>> early = threads.submit(() -> lookups.get("link"));
        assertThat(firstQueryStarted.await(10, TimeUnit.SECONDS)).isTrue();

        table.remove("link"); // deleted while the first query still runs
        List<Future<Optional<Integer>>> late = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            late.add(threads.submit(() -> lookups.get("link")));
        }
        waitUntilQueued(20);
        releaseFirstQuery.countDown();

        assertThat(early.get(10, TimeUnit.SECONDS)).contains(1);
        for (Future<Optional<Integer>> answer : late) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
        }
        // All twenty late lookups shared the second query, which asked for the key once.
        assertThat(queries).containsExactly(Set.of("link"), Set.of("link"));
    }

    @Test
    void each_key_gets_its_own_value_and_a_failed_query_fails_only_its_lookups() throws Exception {
        releaseFirstQuery.countDown();
        table.putAll(Map.of("a", 1, "b", 2));
        lookups = new CoalescedLookups<>("test-lookups", keys -> {
            if (keys.contains("boom")) {
                throw new IllegalStateException("database down");
            }
            return query(keys);
        }, 100, java.time.Duration.ofSeconds(10), 1_000);

        assertThat(lookups.get("a")).contains(1);
        assertThat(lookups.get("b")).contains(2);
        assertThat(lookups.get("missing")).isEmpty();
        assertThatThrownBy(() -> lookups.get("boom")).isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(lookups.get("a")).contains(1);
    }

    @Test
    void lookups_after_close_fail_instead_of_hanging() {
        releaseFirstQuery.countDown();
        lookups = new CoalescedLookups<>("test-lookups", this::query, 100, java.time.Duration.ofSeconds(10), 1_000);
        lookups.close();

        assertThatThrownBy(() -> lookups.get("a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_stalled_database_answers_unavailable_instead_of_holding_the_request() {
        // releaseFirstQuery is never released: the database does not answer.
        lookups = new CoalescedLookups<>("test-lookups", this::query, 100, java.time.Duration.ofMillis(200), 1_000);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> lookups.get("a"))
                        .isInstanceOf(CoalescedLookups.LookupUnavailableException.class));
        releaseFirstQuery.countDown();
    }

    @Test
    void lookups_beyond_the_waiting_limit_are_refused_at_once() throws Exception {
        lookups = new CoalescedLookups<>("test-lookups", this::query, 100, java.time.Duration.ofSeconds(10), 2);
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> lookups.get("a"));
        assertThat(firstQueryStarted.await(10, TimeUnit.SECONDS)).isTrue(); // the worker is stuck in "a"'s query
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> lookups.get("b"));
        var third = java.util.concurrent.CompletableFuture.supplyAsync(() -> lookups.get("c"));
        waitUntilQueued(2);

        assertThatThrownBy(() -> lookups.get("d")).isInstanceOf(CoalescedLookups.LookupUnavailableException.class);

        releaseFirstQuery.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        third.get(10, TimeUnit.SECONDS);
    }

    private void waitUntilQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lookups.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(lookups.waiting()).isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
