package com.chatshare.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Duration;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The current roles and password version of signed-in accounts, as {@link RevokedSessionFilter} checks them on every
 * request, cached so that a busy session costs at most one query per {@link #TTL}.
 *
 * <p>A change made on this node is seen on the very next request: the accounts feature calls
 * {@link #evict(long)} once the change has committed (evicting earlier would let a request
 * cache the old state again). Nothing tells the other nodes of a cluster, so there a change
 * takes effect within {@link #TTL}.
 */
@Component
public class AccountStateCache {

    /** How long an answer is reused; bounds how late other nodes see a change. */
    public static final Duration TTL = Duration.ofSeconds(1);

    private final AccountStatus accounts;
    // An invalidate() waits for a lookup of the same key in flight, so an eviction after commit
    // can never be overtaken by an older answer.
    private final Cache<Long, Optional<AccountStatus.Current>> states;
    /**
     * The database's last answer for each account, for the requests that come while it cannot
     * answer (an outage): they go on as the account was, and the page says what failed, instead
     * of every request of every session failing in this filter. A change committed here is
     * evicted from it too.
     */
    private final Cache<Long, Optional<AccountStatus.Current>> lastKnown;

    @Autowired
    AccountStateCache(AccountStatus accounts) {
        this(accounts, Ticker.systemTicker());
    }

    AccountStateCache(AccountStatus accounts, Ticker ticker) {
        this.accounts = accounts;
        this.states = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(TTL).maximumSize(100_000).build();
        this.lastKnown = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(STALE_IF_ERROR).maximumSize(100_000)
                .build();
    }

    /** How long the last known state of an account stands in when the database cannot answer. */
    public static final Duration STALE_IF_ERROR = Duration.ofMinutes(5);

    /**
     * The account now; empty when it was deleted or disabled. When the database cannot answer,
     * the last answer of the last {@link #STALE_IF_ERROR}, if there is one.
     */
    Optional<AccountStatus.Current> current(long userId) {
        try {
            Optional<AccountStatus.Current> state = states.get(userId, accounts::current);
            lastKnown.put(userId, state);
            return state;
        } catch (DataAccessException | TransactionException e) {
            Optional<AccountStatus.Current> known = lastKnown.getIfPresent(userId);
            if (known == null) {
                throw e;
            }
            return known;
        }
    }

    /**
     * Forgets what is known about the account, so the next request of each of its sessions on
     * this node reads its roles, status and password version afresh. Call after the change has committed.
     */
    public void evict(long userId) {
        states.invalidate(userId);
        lastKnown.invalidate(userId);
    }
}
