package com.chatshare.accounts;

/** Published when someone deletes their own account. */
public record AccountDeleted(long accountId, String username) {
}
