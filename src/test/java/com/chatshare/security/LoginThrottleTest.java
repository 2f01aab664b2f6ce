package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.ManualClock;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.ratelimit.internal.CounterRows;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The throttle's rules on its shared counters in the test database, at exact instants of a clock
 * of its own. Each test starts from an empty counter table.
 */
@IntegrationTest
class LoginThrottleTest {

    private static final InetAddress HOME = address("192.0.2.10");
    private static final InetAddress ATTACKER = address("198.51.100.66");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private LoginThrottle throttle;

    @BeforeEach
    void emptyCounters() {
        jdbc.update("delete from rate_limit_counter");
        throttle = node();
    }

    /** A throttle with counters of its own on the shared database: another node. */
    private LoginThrottle node() {
        return new LoginThrottle(new SharedCounters(new CounterRows(jdbc), transactionManager, clock), waits::add);
    }

    @Test
    void four_failures_do_not_lock() {
        fail("carol", ATTACKER, 4);
        assertThat(throttle.refuses("carol", ATTACKER)).isFalse();
    }

    @Test
    void fifth_failure_within_fifteen_minutes_locks_for_fifteen_minutes() {
        fail("carol", ATTACKER, 4);
        clock.advance(Duration.ofMinutes(14));
        fail("carol", ATTACKER, 1);
        assertThat(throttle.refuses("carol", ATTACKER)).isTrue();
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.refuses("carol", ATTACKER)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refuses("carol", ATTACKER)).isFalse();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        fail("carol", ATTACKER, 4);
        clock.advance(Duration.ofMinutes(16));
        fail("carol", ATTACKER, 1);
        assertThat(throttle.refuses("carol", ATTACKER)).isFalse();
    }

    @Test
    void success_clears_the_count_of_the_address_that_knew_the_password() {
        fail("carol", HOME, 4);
        throttle.recordSuccess("carol", HOME);
        fail("carol", HOME, 4);
        assertThat(throttle.refuses("carol", HOME)).isFalse();
    }

    @Test
    void the_owners_success_does_not_give_a_guesser_fresh_attempts() {
        fail("carol", ATTACKER, 4);
        throttle.recordSuccess("carol", HOME);
        fail("carol", ATTACKER, 1);
        assertThat(throttle.refuses("carol", ATTACKER)).isTrue();
    }

    @Test
    void every_spelling_of_a_username_counts_against_its_canonical_form() {
        fail("Carol", ATTACKER, 1);
        fail(" carol ", ATTACKER, 1);
        fail("cárol", ATTACKER, 1);
        fail("ｃａｒｏｌ", ATTACKER, 1);
        fail("CA\u0301ROL", ATTACKER, 1);
        assertThat(throttle.refuses("carol", ATTACKER)).isTrue();
        assertThat(throttle.refuses("ĆAŔÔĹ", ATTACKER)).isTrue();
        assertThat(throttle.refuses("dave", ATTACKER)).isFalse();
    }

    @Test
    void a_locked_username_still_checks_the_password_from_an_address_that_never_failed_on_it() {
        fail("carol", ATTACKER, LoginThrottle.MAX_FAILURES);

        assertThat(throttle.refuses("carol", ATTACKER)).isTrue();
        assertThat(throttle.refuses("carol", HOME)).isFalse();
        assertThat(throttle.check("carol", HOME, () -> true)).isTrue();
    }

    @Test
    void an_address_that_fails_on_a_locked_username_is_locked_out_of_it_too() {
        fail("carol", ATTACKER, LoginThrottle.MAX_FAILURES);
        InetAddress accomplice = address("203.0.113.7");

        assertThat(throttle.check("carol", accomplice, () -> false)).isFalse();

        assertThat(throttle.refuses("carol", accomplice)).isTrue();
        assertThat(throttle.refuses("carol", HOME)).isFalse();
    }

    @Test
    void a_locked_username_is_refused_to_a_caller_without_an_address() {
        fail("carol", ATTACKER, LoginThrottle.MAX_FAILURES);

        assertThat(throttle.refuses("carol", null)).isTrue();
    }

    @Test
    void a_refused_check_does_not_look_at_the_password() {
        fail("carol", ATTACKER, LoginThrottle.MAX_FAILURES);
        AtomicInteger looked = new AtomicInteger();

        assertThatThrownBy(() -> throttle.check("carol", ATTACKER, () -> looked.incrementAndGet() > 0))
                .isInstanceOf(LoginThrottledException.class)
                .hasMessage(LoginThrottledException.MESSAGE);
        assertThat(looked).hasValue(0);
    }

    @Test
    void one_address_cannot_spray_a_password_over_many_usernames() {
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            throttle.recordFailure("user-" + i, ATTACKER);
        }

        assertThat(throttle.refuses("never-tried", ATTACKER)).isTrue();
        assertThat(throttle.refuses("never-tried", HOME)).isFalse();
        clock.advance(LoginThrottle.ADDRESS_LOCKOUT);
        assertThat(throttle.refuses("never-tried", ATTACKER)).isFalse();
    }

    @Test
    void a_success_does_not_reset_the_address_count() {
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES - 1; i++) {
            throttle.recordFailure("user-" + i, ATTACKER);
            throttle.recordSuccess("attackers-own-account", ATTACKER);
        }
        throttle.recordFailure("one-more", ATTACKER);

        assertThat(throttle.refuses("attackers-own-account", ATTACKER)).isTrue();
    }

    @Test
    void an_ipv6_network_counts_as_one_address() {
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            throttle.recordFailure("user-" + i, address("2001:db8:1:2::" + Integer.toHexString(i + 1)));
        }

        assertThat(throttle.refuses("never-tried", address("2001:db8:1:2:ffff::1"))).isTrue();
        assertThat(throttle.refuses("never-tried", address("2001:db8:1:3::1"))).isFalse();
    }

    @Test
    void past_the_global_limit_every_check_waits_but_no_account_is_locked() {
        throttle.awaitTurn();
        assertThat(waits).isEmpty();
        for (int i = 0; i < LoginThrottle.GLOBAL_MAX_FAILURES_PER_MINUTE; i++) {
            throttle.recordFailure("user-" + i, address("10.0." + (i / 250) + "." + (i % 250)));
        }

        assertThat(throttle.check("alice", HOME, () -> true)).isTrue();
        assertThat(waits).containsExactly(LoginThrottle.GLOBAL_SLOWDOWN);
        assertThat(throttle.refuses("user-1", HOME)).isFalse();

        clock.advance(Duration.ofMinutes(1));
        throttle.awaitTurn();
        assertThat(waits).hasSize(1);
    }

    private void fail(String username, InetAddress address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, address);
        }
    }

    @Test
    void a_burst_of_parallel_guesses_gets_no_more_password_checks_than_the_limit() throws Exception {
        assertThat(passwordChecksInABurst(List.of(throttle))).isEqualTo(LoginThrottle.MAX_FAILURES);
    }

    @Test
    void two_nodes_count_one_lockout_for_a_username() {
        LoginThrottle other = node();
        fail("carol", ATTACKER, 3);
        for (int i = 0; i < 2; i++) {
            other.recordFailure("carol", ATTACKER);
        }

        assertThat(throttle.refuses("carol", ATTACKER)).isTrue();
        assertThat(other.refuses("carol", ATTACKER)).isTrue();
        assertThat(other.check("carol", HOME, () -> true)).isTrue();
    }

    @Test
    void two_nodes_count_one_limit_for_an_address() {
        LoginThrottle other = node();
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            (i % 2 == 0 ? throttle : other).recordFailure("user-" + i, ATTACKER);
        }

        assertThat(throttle.refuses("never-tried", ATTACKER)).isTrue();
        assertThat(other.refuses("never-tried", ATTACKER)).isTrue();
    }

    @Test
    void a_burst_of_parallel_guesses_over_two_nodes_gets_no_more_password_checks_than_the_limit() throws Exception {
        LoginThrottle other = node();

        assertThat(passwordChecksInABurst(List.of(throttle, other))).isEqualTo(LoginThrottle.MAX_FAILURES);
        assertThat(other.refuses("burst-target", address("192.0.2.77"))).isTrue();
    }

    /** 64 wrong guesses from 16 threads, taking turns over the nodes: how many passwords were checked. */
    private static int passwordChecksInABurst(List<LoginThrottle> nodes) throws Exception {
        AtomicInteger checked = new AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                LoginThrottle node = nodes.get(i % nodes.size());
                guesses.add(threads.submit(() -> {
                    try {
                        node.check("burst-target", address("192.0.2.77"), () -> {
                            checked.incrementAndGet();
                            try {
                                Thread.sleep(5); // a password hash takes time: the window the burst aims at
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return false;
                        });
                    } catch (LoginThrottledException refused) {
                        // expected for most of the burst
                    }
                }));
            }
            for (java.util.concurrent.Future<?> guess : guesses) {
                guess.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return checked.get();
    }

    @Test
    void the_table_holds_no_username_or_address_in_clear() {
        fail("carol", ATTACKER, 2);

        List<String> stored = jdbc.queryForList("select concat(scope, ' ', hex(key_hash), ' ', slice_hits) "
                + "from rate_limit_counter", String.class);
        java.util.HexFormat hex = java.util.HexFormat.of().withUpperCase();
        assertThat(stored).isNotEmpty().noneMatch(row -> row.contains("carol") || row.contains(ATTACKER.getHostAddress())
                || row.contains(hex.formatHex("carol".getBytes())) || row.contains(hex.formatHex(ATTACKER.getHostAddress().getBytes())));
    }

    private static InetAddress address(String literal) {
        return ClientAddress.parse(literal).orElseThrow();
    }
}
