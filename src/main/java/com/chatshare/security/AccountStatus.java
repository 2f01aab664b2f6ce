package com.chatshare.security;

/**
 * Whether a signed-in account may still act. Implemented by the accounts feature; asked by
 * {@link RevokedSessionFilter} so that disabling or deleting an account ends its open sessions.
 */
public interface AccountStatus {

    boolean isActive(long userId);
}
