package com.chatshare.accounts.internal;

import com.chatshare.accounts.Account;
import com.chatshare.accounts.Registration;
import com.chatshare.accounts.RegistrationException;
import com.chatshare.security.AppRoles;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from the environment when the database has none. There are no
 * default passwords: without the variables no admin is created and the log says how to add one.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminBootstrapProperties properties;
    private final AccountRepository accounts;
    private final AccountCreation creation;

    AdminBootstrap(AdminBootstrapProperties properties, AccountRepository accounts, AccountCreation creation) {
        this.properties = properties;
        this.accounts = accounts;
        this.creation = creation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsWithRole(AppRoles.ADMIN)) {
            return;
        }
        if (!properties.isConfigured()) {
            log.warn("No admin account exists. To create the first one, set CHATSHARE_ADMIN_USERNAME and "
                    + "CHATSHARE_ADMIN_PASSWORD (at least {} characters) and restart.", Account.PASSWORD_MIN_LENGTH);
            return;
        }
        String displayName = properties.displayName() == null || properties.displayName().isBlank()
                ? "Administrator" : properties.displayName();
        try {
            creation.create(new Registration(properties.username(), displayName, properties.password()),
                    Set.of(AppRoles.USER, AppRoles.MODERATOR, AppRoles.ADMIN));
            log.info("Created the admin account '{}' from CHATSHARE_ADMIN_USERNAME", properties.username());
        } catch (RegistrationException e) {
            throw new IllegalStateException("CHATSHARE_ADMIN_USERNAME/CHATSHARE_ADMIN_PASSWORD break the account rules: "
                    + e.getMessage(), e);
        }
    }
}
