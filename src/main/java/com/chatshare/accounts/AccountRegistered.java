package com.chatshare.accounts;

/** Published when someone creates an account through self-registration. */
public record AccountRegistered(long accountId, String username) {
}
