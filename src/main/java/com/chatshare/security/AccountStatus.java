package com.chatshare.security;

import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in account may do now. Implemented by the accounts feature; asked through
 * {@link AccountStateCache} by {@link RevokedSessionFilter}, so that role changes, disabling
 * and deleting reach the account's open sessions.
 */
public interface AccountStatus {

    /**
     * The roles the account holds now (bare names, as in {@link AppRoles}) while it exists and
     * is enabled; empty when it was deleted or disabled.
     */
    Optional<Set<String>> currentRoles(long userId);
}
