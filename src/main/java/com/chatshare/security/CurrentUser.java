package com.chatshare.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /**
     * Keeps this session signed in through a change of the account's password, which ends the
     * account's other sessions. Call inside the transaction that changes it, once the change is
     * written: from then on this session holds the new version, so it is never behind the
     * account; if the transaction rolls back, the old version is put back.
     */
    public void keepSessionAfterPasswordChange(long credentialsVersion) {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication before = context.getAuthentication();
        if (before == null || !(before.getPrincipal() instanceof AppUserPrincipal user)) {
            throw new AccessDeniedException("Not signed in");
        }
        // Changed in place: the session keeps this very context object, and so do the session's
        // other requests under way, which are to go on signed in as well.
        context.setAuthentication(before.toBuilder().principal(user.withCredentialsVersion(credentialsVersion)).build());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        context.setAuthentication(before);
                    }
                }
            });
        }
    }

    /** Signs the user out of the Vaadin UI and the HTTP session. */
    public void signOut() {
        authenticationContext.logout();
    }
}
