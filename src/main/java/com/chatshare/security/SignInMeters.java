package com.chatshare.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins — the login form and HTTP Basic on the actuator endpoints alike — from
 * Spring Security's authentication events, as {@code chatshare.signin.failures} with a
 * {@code reason}: {@code bad_credentials} (wrong password, unknown or disabled account: the
 * provider tells them apart to nobody), {@code throttled} (refused by the {@link LoginThrottle}
 * without the password being looked at) or {@code error} (anything else, e.g. the database was
 * unreachable). Never who or from where: that is the throttle's business, not a metric's.
 * Passwords asked again inside the app ({@link PasswordRecheck}) are not sign-ins and not counted.
 */
@Component
class SignInMeters {

    static final String FAILURES = "chatshare.signin.failures";

    private final Counter badCredentials;
    private final Counter throttled;
    private final Counter errors;

    SignInMeters(MeterRegistry registry) {
        this.badCredentials = failures(registry, "bad_credentials");
        this.throttled = failures(registry, "throttled");
        this.errors = failures(registry, "error");
    }

    private static Counter failures(MeterRegistry registry, String reason) {
        return Counter.builder(FAILURES)
                .description("Failed sign-ins (login form and HTTP Basic), by reason")
                .tag("reason", reason)
                .register(registry);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        switch (event.getException()) {
            case LoginThrottledException refused -> throttled.increment();
            case BadCredentialsException wrong -> badCredentials.increment();
            default -> errors.increment();
        }
    }
}
