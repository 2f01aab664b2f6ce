package com.chatshare.security;

import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in account may do now. Implemented by the accounts feature; asked through
 * {@link AccountStateCache} by {@link RevokedSessionFilter}, so that role changes, disabling,
 * deleting and password changes reach the account's open sessions.
 */
public interface AccountStatus {

    /**
     * The account as its sessions must follow it.
     *
     * @param roles the roles it holds now (bare names, as in {@link AppRoles})
     * @param credentialsVersion how many times its password was changed; sessions that signed in
     *        before the latest change are ended
     */
    record Current(Set<String> roles, long credentialsVersion) {

        public Current {
            roles = Set.copyOf(roles);
        }
    }

    /** The account now while it exists and is enabled; empty when it was deleted or disabled. */
    Optional<Current> current(long userId);
}
