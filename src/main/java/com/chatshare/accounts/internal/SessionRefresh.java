package com.chatshare.accounts.internal;

import com.chatshare.accounts.AccountChanged;
import com.chatshare.accounts.AccountDeleted;
import com.chatshare.accounts.PasswordChanged;
import com.chatshare.security.AccountStateCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes a committed change to an account reach its open sessions on their next request: the
 * security layer forgets what it cached about the account. Only after commit — evicted any
 * earlier, a request could read and cache the old state again.
 */
@Component
class SessionRefresh {

    private final AccountStateCache accountStates;

    SessionRefresh(AccountStateCache accountStates) {
        this.accountStates = accountStates;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccountChanged event) {
        accountStates.evict(event.accountId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccountDeleted event) {
        accountStates.evict(event.accountId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PasswordChanged event) {
        accountStates.evict(event.accountId());
    }
}
