package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * During a database outage, open sessions go on as their accounts last were (for a while), so a
 * page can say what failed instead of every request failing in the session check.
 */
class AccountStateCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private volatile boolean databaseDown;
    private volatile AccountStatus.Current stored = new AccountStatus.Current(Set.of("USER"), 1);
    private final AccountStateCache cache = new AccountStateCache(userId -> {
        if (databaseDown) {
            throw new CannotGetJdbcConnectionException("Connection is not available, request timed out after 3000ms");
        }
        return Optional.ofNullable(stored);
    }, nanos::get);

    @Test
    void the_last_known_state_stands_in_while_the_database_cannot_answer() {
        assertThat(cache.current(7)).contains(stored);

        databaseDown = true;
        advance(AccountStateCache.TTL.plusMillis(1));

        assertThat(cache.current(7)).contains(new AccountStatus.Current(Set.of("USER"), 1));
    }

    @Test
    void not_for_ever() {
        cache.current(7);
        databaseDown = true;
        advance(AccountStateCache.STALE_IF_ERROR.plusSeconds(1));

        assertThatThrownBy(() -> cache.current(7)).isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void not_for_an_account_never_seen_nor_after_a_change_made_here() {
        databaseDown = true;
        assertThatThrownBy(() -> cache.current(8)).isInstanceOf(CannotGetJdbcConnectionException.class);

        databaseDown = false;
        cache.current(7);
        cache.evict(7);
        databaseDown = true;
        assertThatThrownBy(() -> cache.current(7)).isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void a_disabled_account_stays_disabled_during_the_outage() {
        stored = null;
        assertThat(cache.current(7)).isEmpty();

        databaseDown = true;
        advance(AccountStateCache.TTL.plusMillis(1));

        assertThat(cache.current(7)).isEmpty();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
