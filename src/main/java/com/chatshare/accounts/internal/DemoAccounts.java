package com.chatshare.accounts.internal;

import com.chatshare.accounts.Registration;
import com.chatshare.base.database.ConditionalOnEmbeddedDatabase;
import com.chatshare.security.AppRoles;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts for the embedded database only; they never reach an external database. The
 * passwords are in the README.
 */
@Component
@ConditionalOnEmbeddedDatabase
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

    private final AccountRepository accounts;
    private final AccountCreation creation;

    DemoAccounts(AccountRepository accounts, AccountCreation creation) {
        this.accounts = accounts;
        this.creation = creation;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoAccount demo : ACCOUNTS) {
            if (!accounts.existsByUsername(demo.username())) {
                creation.create(new Registration(demo.username(), demo.displayName(), demo.password()), demo.roles());
                log.info("Created demo account '{}' (password: {})", demo.username(), demo.password());
            }
        }
    }
}
