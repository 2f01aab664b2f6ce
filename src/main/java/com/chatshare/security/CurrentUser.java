package com.chatshare.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for services and views. Feature code injects this instead of reading the
 * {@code SecurityContextHolder} itself.
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authenticationContext;

    CurrentUser(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    /** The signed-in user, if any. */
    public Optional<AppUserPrincipal> get() {
        return authenticationContext.getAuthenticatedUser(AppUserPrincipal.class);
    }

    /** The signed-in user; refuses anonymous callers. */
    public AppUserPrincipal require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The signed-in user's account id; refuses anonymous callers. */
    public long requireUserId() {
        return require().userId();
    }

    /** Signs the user out of the Vaadin UI and the HTTP session. */
    public void signOut() {
        authenticationContext.logout();
    }
}
