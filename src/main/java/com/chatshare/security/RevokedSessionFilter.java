package com.chatshare.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account that was disabled or deleted after it signed in: the next
 * request of that session, page or Vaadin round trip, goes on as anonymous and lands on the
 * login page. Answers are cached for a few seconds so a busy session costs no query per request.
 */
class RevokedSessionFilter extends OncePerRequestFilter {

    static final Duration CACHE = Duration.ofSeconds(5);

    private final AccountStatus accounts;
    private final Cache<Long, Boolean> active = Caffeine.newBuilder()
            .expireAfterWrite(CACHE).maximumSize(100_000).build();

    RevokedSessionFilter(AccountStatus accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal user
                && !active.get(user.userId(), accounts::isActive)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

}
