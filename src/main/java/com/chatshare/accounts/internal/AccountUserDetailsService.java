package com.chatshare.accounts.internal;

import com.chatshare.accounts.Account;
import com.chatshare.security.AppUserPrincipal;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for Spring Security's sign-in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // Usernames are stored in lowercase; signing in as "Alice" finds alice.
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Account account = accounts.findByUsername(key)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new AppUserPrincipal(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getPasswordHash(), account.isEnabled(), account.getRoles());
    }
}
