package com.chatshare.security;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because of too many recent failures for the same username. */
public class LoginThrottledException extends AuthenticationException {

    public static final String MESSAGE =
            "Too many failed sign-in attempts. Please wait 15 minutes and try again.";

    public LoginThrottledException() {
        super(MESSAGE);
    }
}
