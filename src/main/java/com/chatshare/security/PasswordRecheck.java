package com.chatshare.security;

import com.vaadin.flow.server.VaadinRequest;
import java.net.InetAddress;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Asks a signed-in person's password again — before their account is deleted, before their
 * password is changed — through the same {@link LoginThrottle} as sign-in: a wrong password
 * counts as a failed sign-in of the account from the caller's address, and while the throttle
 * refuses, the password is not even looked at. A stolen session thus gives no more guesses than
 * the login form does.
 */
@Component
public class PasswordRecheck {

    private final LoginThrottle throttle;

    PasswordRecheck(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * @param username the account's username
     * @param passwordMatches compares the typed password with the account's; called only when
     *        the throttle allows the check
     * @return whether the password matched
     * @throws LoginThrottledException when the throttle refuses the check (its message is meant
     *         for the person)
     */
    public boolean matches(String username, BooleanSupplier passwordMatches) {
        return throttle.check(username, currentClientAddress(), passwordMatches);
    }

    /** The address of the request being served: a plain HTTP request or a Vaadin round trip. */
    private static InetAddress currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return ClientAddress.of(servlet.getRequest()).orElse(null);
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        return vaadin == null ? null : ClientAddress.parse(vaadin.getRemoteAddr()).orElse(null);
    }
}
