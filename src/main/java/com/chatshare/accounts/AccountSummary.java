package com.chatshare.accounts;

import java.time.Instant;
import java.util.Set;

/** One row of the admins' users grid. */
public record AccountSummary(long id, String username, String displayName, Set<String> roles,
        boolean enabled, Instant createdAt) {

    static AccountSummary of(Account account) {
        return new AccountSummary(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getRoles(), account.isEnabled(), account.getCreatedAt());
    }
}
