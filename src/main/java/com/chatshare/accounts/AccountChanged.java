package com.chatshare.accounts;

/** Published when an admin changes someone's roles or disables or enables their account. */
public record AccountChanged(long accountId, String username, Change change) {

    public enum Change { MODERATOR_GRANTED, MODERATOR_REVOKED, DISABLED, ENABLED }
}
