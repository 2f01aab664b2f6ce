package com.chatshare.accounts;

import com.chatshare.accounts.internal.AccountRepository;
import com.chatshare.security.AppRoles;
import com.chatshare.security.Usernames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is who, for features that keep account ids in their own tables and show names (the
 * moderation queue shows owners' usernames, a review needs a second moderator). Ids and
 * usernames only; nothing about passwords or sign-in.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountDirectory {

    /** The fewest characters {@link #usernamesStartingWith} suggests names for. */
    public static final int SUGGEST_MIN_LENGTH = 2;

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The usernames of the accounts that still exist among {@code accountIds}. */
    @Transactional(readOnly = true)
    public Map<Long, String> usernames(Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        if (!accountIds.isEmpty()) {
            // Ids and names only: loading the entities would load each one's roles as well.
            accounts.findUsernames(accountIds).forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }

    /** The id of the account with this username, in any spelling that signs in to it, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return accounts.findByUsername(Usernames.canonical(username)).map(Account::getId);
    }

    /**
     * Up to {@code limit} usernames of enabled accounts that begin with what was typed (in any
     * spelling, as for {@link #idOf}), for suggestions; none for fewer than
     * {@link #SUGGEST_MIN_LENGTH} characters, so nobody lists every account by typing one letter.
     */
    @Transactional(readOnly = true)
    public java.util.List<String> usernamesStartingWith(String typed, int limit) {
        String prefix = Usernames.canonical(typed);
        if (prefix.length() < SUGGEST_MIN_LENGTH || prefix.length() > Account.USERNAME_MAX_LENGTH) {
            return java.util.List.of();
        }
        String pattern = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return accounts.findUsernamesLike(pattern, org.springframework.data.domain.PageRequest.of(0, limit));
    }

    /** How many enabled accounts may moderate (moderators and admins, each counted once). */
    @Transactional(readOnly = true)
    public long countEnabledModerators() {
        return accounts.countEnabledWithAnyRole(java.util.Set.of(AppRoles.MODERATOR, AppRoles.ADMIN));
    }
}
