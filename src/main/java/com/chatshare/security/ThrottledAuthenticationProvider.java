package com.chatshare.security;

import java.net.InetAddress;
import java.util.Optional;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in through the {@link LoginThrottle}: the throttle is asked before the password is looked
 * at, so a refused sign-in is refused the same way whether the account exists, is disabled, and
 * whether the password is right. Every other failure — wrong password, unknown username,
 * disabled account — is one {@link BadCredentialsException} and counts as a failure, so a
 * disabled account locks like any other and nothing tells it apart. The client's address comes
 * from the request ({@link WebAuthenticationDetails}). The check is counted as a failure from
 * before the password is looked at until it proves right, so parallel guesses on any node cannot
 * all slip in before the first failure is counted.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Bad credentials";

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        InetAddress address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? ClientAddress.parse(details.getRemoteAddress()).orElse(null) : null;
        throttle.awaitTurn();
        Optional<LoginThrottle.Attempt> attempt = throttle.tryBegin(username, address);
        if (attempt.isEmpty()) {
            throw new LoginThrottledException();
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException | AccountStatusException e) {
            attempt.get().failed();
            // Not chained: the cause would say "disabled" to whoever logs or shows it.
            throw new BadCredentialsException(BAD_CREDENTIALS);
        } catch (RuntimeException e) {
            attempt.get().abandoned();
            throw e;
        }
        if (result != null) {
            attempt.get().succeeded();
        } else {
            attempt.get().abandoned();
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
