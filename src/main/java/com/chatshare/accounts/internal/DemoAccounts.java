package com.chatshare.accounts.internal;

import com.chatshare.accounts.Registration;
import com.chatshare.base.demo.DemoModeProperties;
import com.chatshare.security.AppRoles;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo accounts with the README's known passwords, created in demo mode only
 * ({@code CHATSHARE_DEMO=true}, or {@code ./mvnw}), and only in a database that holds no other
 * accounts: a database with real accounts gets none, with an error in the log. Out of demo mode it
 * creates none and warns about any left with its known password by an earlier demo run on the
 * same database.
 */
@Component
@Order(0)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record DemoAccount(String username, String displayName, String password, Set<String> roles) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("alice", "Alice Example", "alice-password", Set.of(AppRoles.USER)),
            new DemoAccount("bob", "Bob Example", "bob-password", Set.of(AppRoles.USER)),
            new DemoAccount("mod", "Maya Moderator", "mod-password", Set.of(AppRoles.USER, AppRoles.MODERATOR)),
            new DemoAccount("admin", "Ada Admin", "admin-password",
                    Set.of(AppRoles.USER, AppRoles.MODERATOR, AppRoles.ADMIN)));

    private final DemoModeProperties demoMode;
    private final AccountRepository accounts;
    private final AccountCreation creation;
    private final PasswordEncoder passwordEncoder;

    DemoAccounts(DemoModeProperties demoMode, AccountRepository accounts, AccountCreation creation,
            PasswordEncoder passwordEncoder) {
        this.demoMode = demoMode;
        this.accounts = accounts;
        this.creation = creation;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.demo()) {
            warnAboutKnownPasswords();
            return;
        }
        List<DemoAccount> missing = ACCOUNTS.stream().filter(demo -> !accounts.existsByUsername(demo.username()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        if (accounts.existsByUsernameNotIn(ACCOUNTS.stream().map(DemoAccount::username).toList())) {
            // Someone's real data: demo mode switched on by mistake against it (issue 22, item 11).
            log.error("Demo mode is on, but this database already holds accounts other than the demo ones: the demo "
                    + "accounts {} with their known passwords are NOT created here. Demo mode is for a fresh database "
                    + "(the embedded one); set CHATSHARE_DEMO=false for this database.",
                    missing.stream().map(DemoAccount::username).toList());
            return;
        }
        for (DemoAccount demo : missing) {
            creation.create(new Registration(demo.username(), demo.displayName(), demo.password()), demo.roles());
            log.info("Created demo account '{}' (password: {})", demo.username(), demo.password());
        }
    }

    /** A data directory first used by ./mvnw keeps its demo accounts when it is later run without demo mode. */
    private void warnAboutKnownPasswords() {
        for (DemoAccount demo : ACCOUNTS) {
            accounts.findByUsername(demo.username())
                    .filter(account -> account.isEnabled()
                            && passwordEncoder.matches(demo.password(), account.getPasswordHash()))
                    .ifPresent(account -> log.warn("Demo account '{}' still has its known password from an earlier "
                            + "demo run on this database, although demo mode is off: disable it at /admin/users, "
                            + "or run production on a fresh database.", demo.username()));
        }
    }
}
