package com.chatshare.accounts;

import com.chatshare.accounts.internal.AccountCreation;
import com.chatshare.accounts.internal.AccountRepository;
import com.chatshare.base.Appearance;
import com.chatshare.ratelimit.RateLimit;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.security.AppRoles;
import com.chatshare.security.ClientAddress;
import com.chatshare.security.CurrentUser;
import com.chatshare.security.LoginThrottledException;
import com.chatshare.security.PasswordRecheck;
import java.net.InetAddress;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: self-registration for anyone; changing one's password and deleting one's account
 * for the signed-in; the user list for admins.
 */
@Service
public class AccountService {

    private final AccountCreation creation;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final PasswordRecheck passwordRecheck;
    private final Clock clock;

    public static final String TOO_MANY_REGISTRATIONS =
            "Many accounts were created from your network in the last hour. Please try again later.";

    /** The shared counter of registrations per client address (network), per hour. */
    static final String REGISTRATIONS_BY_ADDRESS = "registrations by address";

    private final RateLimit registrations;

    AccountService(AccountCreation creation, AccountRepository accounts, ApplicationEventPublisher events,
            CurrentUser currentUser, PasswordEncoder passwordEncoder, PasswordRecheck passwordRecheck, Clock clock,
            SharedCounters counters,
            @org.springframework.beans.factory.annotation.Value("${chatshare.accounts.registrations-per-hour:10}")
            int registrationsPerHour) {
        this.registrations = counters.limit(REGISTRATIONS_BY_ADDRESS, registrationsPerHour,
                java.time.Duration.ofHours(1));
        this.creation = creation;
        this.accounts = accounts;
        this.events = events;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.passwordRecheck = passwordRecheck;
        this.clock = clock;
    }

    /**
     * Creates a plain user account.
     *
     * @throws RegistrationException with one message per broken rule, or for a taken username
     */
    /**
     * Self-registration from the sign-up form: as {@link #register(Registration)}, at most
     * {@code chatshare.accounts.registrations-per-hour} (default 10) per client address.
     *
     * @throws RegistrationException also when this address registered too many accounts lately
     */
    @Transactional
    public AccountSummary register(Registration registration, InetAddress clientAddress) {
        String addressKey = clientAddress == null ? null : ClientAddress.rateLimitKey(clientAddress);
        // Counted in this transaction, so spent only for an account made: a typo or a taken name
        // rolls it back. Registrations from one address wait for each other until then.
        if (addressKey != null && !registrations.tryAcquire(addressKey)) {
            throw new RegistrationException(java.util.Map.of(Registration.Field.USERNAME, TOO_MANY_REGISTRATIONS));
        }
        return register(registration);
    }

    @Transactional
    public AccountSummary register(Registration registration) {
        Registration.impersonationProblem(registration.displayName()).ifPresent(problem -> {
            throw new RegistrationException(java.util.Map.of(Registration.Field.DISPLAY_NAME, problem));
        });
        Account account = creation.create(registration, Set.of(AppRoles.USER));
        events.publishEvent(new AccountRegistered(account.getId(), account.getUsername()));
        return AccountSummary.of(account);
    }

    /**
     * Deletes the caller's account and everything of theirs: conversations, messages, shared
     * links and snapshots go with it through the foreign keys, so the links answer 404 at once.
     * The last enabled admin cannot delete their account.
     *
     * The password is checked through the login throttle: a wrong one counts as a failed
     * sign-in, and while the throttle refuses the account it is not even looked at.
     *
     * @throws RegistrationException when the password is wrong (nothing is deleted)
     * @throws LoginThrottledException when too many passwords were wrong (nothing is deleted)
     * @throws AccountChangeRefusedException when the caller is the only enabled admin
     */
    // The throttle counts a wrong password in this transaction (shared counters join it): refusing
    // for a wrong password must commit that, and nothing else is written before the check.
    @Transactional(noRollbackFor = RegistrationException.class)
    @PreAuthorize("isAuthenticated()")
    public void deleteOwnAccount(String password) {
        long accountId = currentUser.requireUserId();
        Account account = accounts.findById(accountId).orElseThrow();
        if (!passwordRecheck.matches(account.getUsername(), () -> isPasswordOf(account, password))) {
            throw new RegistrationException(java.util.Map.of(Registration.Field.PASSWORD, "The password is not right."));
        }
        // The admins' rows stay locked until this transaction ends, so when two admins delete
        // themselves at once the second one counts after the first has gone.
        if (account.getRoles().contains(AppRoles.ADMIN)
                && accounts.lockEnabledWithRole(AppRoles.ADMIN).stream().allMatch(id -> id == accountId)) {
            throw new AccountChangeRefusedException(AccountChangeRefusedException.LAST_ADMIN);
        }
        accounts.delete(account);
        accounts.flush();
        events.publishEvent(new AccountDeleted(accountId, account.getUsername()));
    }

    /**
     * Changes the caller's password, under the same rules as registration. The current password
     * is checked through the login throttle like a sign-in (a wrong one counts as a failure).
     * The account's other sessions are signed out on their next request; this one stays.
     *
     * @throws PasswordChangeException with a message per field: the current password is wrong,
     *         the new one breaks a rule or is the current one (nothing is changed)
     * @throws LoginThrottledException when too many passwords were wrong (nothing is changed)
     */
    // As for deleteOwnAccount: a refusal commits what the throttle counted; nothing else is written before.
    @Transactional(noRollbackFor = PasswordChangeException.class)
    @PreAuthorize("isAuthenticated()")
    public void changePassword(String currentPassword, String newPassword) {
        Account account = accounts.findById(currentUser.requireUserId()).orElseThrow();
        Map<PasswordChangeException.Field, String> problems = new EnumMap<>(PasswordChangeException.Field.class);
        Registration.passwordProblem(newPassword)
                .ifPresent(problem -> problems.put(PasswordChangeException.Field.NEW_PASSWORD, problem));
        if (!passwordRecheck.matches(account.getUsername(), () -> isPasswordOf(account, currentPassword))) {
            problems.put(PasswordChangeException.Field.CURRENT_PASSWORD, PasswordChangeException.WRONG_CURRENT_PASSWORD);
        } else if (!problems.containsKey(PasswordChangeException.Field.NEW_PASSWORD)
                && isPasswordOf(account, newPassword)) {
            // Asked only once the current password is proven: before, it would be a way to test
            // guesses that the throttle does not count.
            problems.put(PasswordChangeException.Field.NEW_PASSWORD, PasswordChangeException.SAME_AS_CURRENT);
        }
        if (!problems.isEmpty()) {
            throw new PasswordChangeException(problems);
        }
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        accounts.flush();
        currentUser.keepSessionAfterPasswordChange(account.getCredentialsVersion());
        events.publishEvent(new PasswordChanged(account.getId(), account.getUsername()));
    }

    private boolean isPasswordOf(Account account, String password) {
        return password != null && passwordEncoder.matches(password, account.getPasswordHash());
    }

    /**
     * Grants or revokes the moderator role. Admins only, and never of an admin's account, their
     * own included. The account's open sessions get the new roles on their next request.
     *
     * @throws AccountChangeRefusedException for the caller's own or another admin's account
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountSummary setModerator(long accountId, boolean moderator) {
        Account account = changeableAccount(accountId);
        if (account.setRole(AppRoles.MODERATOR, moderator, clock.instant())) {
            events.publishEvent(new AccountChanged(accountId, account.getUsername(),
                    moderator ? AccountChanged.Change.MODERATOR_GRANTED : AccountChanged.Change.MODERATOR_REVOKED));
        }
        return AccountSummary.of(account);
    }

    /**
     * Disables or enables an account. A disabled account cannot sign in, and its shared links
     * answer 404 while it stays disabled; its open sessions end on their next request. Admins
     * only, and never an admin's account, their own included.
     *
     * @throws AccountChangeRefusedException for the caller's own or another admin's account
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountSummary setEnabled(long accountId, boolean enabled) {
        Account account = changeableAccount(accountId);
        if (account.setEnabled(enabled, clock.instant())) {
            events.publishEvent(new AccountChanged(accountId, account.getUsername(),
                    enabled ? AccountChanged.Change.ENABLED : AccountChanged.Change.DISABLED));
        }
        return AccountSummary.of(account);
    }

    /** An account an admin may change: not their own, and no admin's. */
    private Account changeableAccount(long accountId) {
        if (accountId == currentUser.requireUserId()) {
            throw new AccountChangeRefusedException(AccountChangeRefusedException.OWN_ACCOUNT);
        }
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new IllegalArgumentException("No such account."));
        if (account.getRoles().contains(AppRoles.ADMIN)) {
            throw AccountChangeRefusedException.adminAccount(account.getUsername());
        }
        return account;
    }

    /** How the caller chose the app to look; {@link Appearance#SYSTEM} until they choose. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Appearance appearance() {
        return accounts.findAppearance(currentUser.requireUserId()).map(Appearance::valueOf).orElse(Appearance.SYSTEM);
    }

    /** Keeps how the caller wants the app to look, for every session of theirs from now on. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setAppearance(Appearance appearance) {
        accounts.saveAppearance(currentUser.requireUserId(), java.util.Objects.requireNonNull(appearance).name(),
                clock.instant());
    }

    /** A page of all accounts, oldest first, for the admins' users view. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Slice<AccountSummary> findAccounts(Pageable pageable) {
        return accounts.findAllBy(pageable).map(AccountSummary::of);
    }
}
