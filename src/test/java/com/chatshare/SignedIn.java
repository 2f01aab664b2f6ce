package com.chatshare;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs service calls as a real account, the way a signed-in request would. */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(UserDetailsService users, String username) {
        UserDetails user = users.loadUserByUsername(username);
        // A new context, set explicitly: Vaadin's context holder strategy may hand out a
        // throw-away context from getContext() when no Vaadin session is around.
        SecurityContextHolder.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
