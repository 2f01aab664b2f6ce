package com.chatshare.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

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
    private final Cache<Long, Optional<AccountStatus.Current>> states = Caffeine.newBuilder()
            .expireAfterWrite(TTL).maximumSize(100_000).build();

    AccountStateCache(AccountStatus accounts) {
        this.accounts = accounts;
    }

    /** The account now; empty when it was deleted or disabled. */
    Optional<AccountStatus.Current> current(long userId) {
        return states.get(userId, accounts::current);
    }

    /**
     * Forgets what is known about the account, so the next request of each of its sessions on
     * this node reads its roles, status and password version afresh. Call after the change has committed.
     */
    public void evict(long userId) {
        states.invalidate(userId);
    }
}
