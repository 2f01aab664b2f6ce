package com.chatshare.accounts;

/**
 * A change to an account that the admin rules forbid; the message says why and is meant for
 * the person who asked. Nothing was changed.
 */
public class AccountChangeRefusedException extends IllegalArgumentException {

    public static final String OWN_ACCOUNT = "You cannot change your own account here.";
    public static final String LAST_ADMIN = "You are the only admin, so your account cannot be deleted: "
            + "Chatshare would be left without anyone to manage it. Nothing was deleted.";

    public AccountChangeRefusedException(String message) {
        super(message);
    }

    static AccountChangeRefusedException adminAccount(String username) {
        return new AccountChangeRefusedException(
                "“" + username + "” is an admin. Admins' accounts cannot be changed here.");
    }
}
