package com.chatshare.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs work on behalf of an account outside any request, such as creating demo content at
 * start-up, through the same services and owner checks a signed-in request uses.
 */
@Component
public class RunAs {

    private final UserDetailsService users;

    RunAs(UserDetailsService users) {
        this.users = users;
    }

    public <T> T user(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
