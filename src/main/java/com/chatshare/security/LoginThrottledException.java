package com.chatshare.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A password check refused by the {@link LoginThrottle}: too many recent failures for the
 * account from this address, or from this address over all accounts. The message is the same
 * in every case and says nothing about the account.
 */
public class LoginThrottledException extends AuthenticationException {

    public static final String MESSAGE =
            "Too many failed sign-in attempts. Please wait 15 minutes and try again.";

    public LoginThrottledException() {
        super(MESSAGE);
    }
}
