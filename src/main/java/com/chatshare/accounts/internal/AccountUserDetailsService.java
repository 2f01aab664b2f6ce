package com.chatshare.accounts.internal;

import com.chatshare.accounts.Account;
import com.chatshare.accounts.Registration;
import com.chatshare.security.AppUserPrincipal;
import com.chatshare.security.Usernames;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for Spring Security's sign-in. What was typed is mapped to its canonical form
 * ({@link Usernames}), the same key the login throttle counts on, and only that exact name is
 * looked up: "BOB", "bób" and fullwidth "ｂｏｂ" are bob, and nothing else the database's
 * collation might once have matched is.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String canonical = Usernames.canonical(username);
        // A name no account can have is not looked up at all.
        Account account = Registration.usernameProblem(canonical).isPresent() ? null
                : accounts.findByUsername(canonical).filter(found -> found.getUsername().equals(canonical)).orElse(null);
        if (account == null) {
            throw new UsernameNotFoundException("No such account");
        }
        return new AppUserPrincipal(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getPasswordHash(), account.isEnabled(), account.getRoles(), account.getCredentialsVersion());
    }
}
