package com.chatshare.accounts;

/** Published when someone changes their own password; the account's other sessions end. */
public record PasswordChanged(long accountId, String username) {
}
