package com.chatshare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps open sessions in step with their accounts. On every request — page, Vaadin round trip
 * or plain HTTP — it compares the signed-in principal with the account's current state:
 * <ul>
 * <li>disabled or deleted: the session is ended and the request goes on as anonymous, so it
 * lands on the login page;</li>
 * <li>password changed since the session signed in: ended the same way. The session that made
 * the change carries the new password version ({@link CurrentUser#keepSessionAfterPasswordChange})
 * and goes on;</li>
 * <li>roles granted or revoked: the principal is replaced by one with the current roles, for
 * this request and, saved in the session, for the ones after it; views, menus and
 * {@code @PreAuthorize} all read it from there.</li>
 * </ul>
 * How soon a change is seen is up to {@link AccountStateCache}.
 */
class RevokedSessionFilter extends OncePerRequestFilter {

    private final AccountStateCache accounts;
    private final SecurityContextRepository contexts;

    RevokedSessionFilter(AccountStateCache accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal user) {
            Optional<AccountStatus.Current> account = accounts.current(user.userId());
            // Older, not different: the session that changes the password holds the new version
            // a moment before the change commits, and must not be ended for being ahead.
            if (account.isEmpty() || user.credentialsVersion() < account.get().credentialsVersion()) {
                endSession(request);
            } else if (!account.get().roles().equals(user.roles())) {
                replaceRoles(authentication, user.withRoles(account.get().roles()), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void replaceRoles(Authentication old, AppUserPrincipal user, HttpServletRequest request,
            HttpServletResponse response) {
        // Only the role authorities are replaced; others, such as the factor the person signed in
        // with (FACTOR_PASSWORD), stay as they were.
        Authentication authentication = old.toBuilder()
                .principal(user)
                .authorities(authorities -> {
                    authorities.removeIf(authority -> isRole(authority.getAuthority()));
                    authorities.addAll(user.getAuthorities());
                })
                .build();
        // A new context rather than changing the old one, which requests of the same session
        // still under way hold.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static boolean isRole(String authority) {
        return authority != null && authority.startsWith(AppUserPrincipal.ROLE_PREFIX);
    }
}
