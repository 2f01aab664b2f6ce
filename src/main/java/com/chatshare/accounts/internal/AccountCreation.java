package com.chatshare.accounts.internal;

import com.chatshare.accounts.Account;
import com.chatshare.accounts.Registration;
import com.chatshare.accounts.RegistrationException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts under the registration rules, for self-registration, the admin bootstrap
 * and the embedded demo data alike.
 */
@Component
public class AccountCreation {

    public static final String USERNAME_TAKEN_MESSAGE = "This username is already taken. Choose another one.";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountCreation(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public Account create(Registration registration, Set<String> roles) {
        Map<Registration.Field, String> problems = registration.problems();
        if (!problems.isEmpty()) {
            throw new RegistrationException(problems);
        }
        String username = registration.normalizedUsername();
        if (accounts.existsByUsername(username)) {
            throw usernameTaken();
        }
        Account account = new Account(username, registration.normalizedDisplayName(),
                passwordEncoder.encode(registration.password()), roles, clock.instant());
        try {
            return accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            // Two registrations raced for the same name; the unique constraint decided.
            throw usernameTaken();
        }
    }

    private static RegistrationException usernameTaken() {
        return new RegistrationException(Map.of(Registration.Field.USERNAME, USERNAME_TAKEN_MESSAGE));
    }
}
