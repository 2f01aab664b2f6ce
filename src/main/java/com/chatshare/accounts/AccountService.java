package com.chatshare.accounts;

import com.chatshare.accounts.internal.AccountCreation;
import com.chatshare.accounts.internal.AccountRepository;
import com.chatshare.security.AppRoles;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: self-registration for anyone, the user list for admins.
 */
@Service
public class AccountService {

    private final AccountCreation creation;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    AccountService(AccountCreation creation, AccountRepository accounts, ApplicationEventPublisher events) {
        this.creation = creation;
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Creates a plain user account.
     *
     * @throws RegistrationException with one message per broken rule, or for a taken username
     */
    @Transactional
    public AccountSummary register(Registration registration) {
        Account account = creation.create(registration, Set.of(AppRoles.USER));
        events.publishEvent(new AccountRegistered(account.getId(), account.getUsername()));
        return AccountSummary.of(account);
    }

    /** A page of all accounts, oldest first, for the admins' users view. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Slice<AccountSummary> findAccounts(Pageable pageable) {
        return accounts.findAllBy(pageable).map(AccountSummary::of);
    }
}
