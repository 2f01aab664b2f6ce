package com.chatshare.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a visitor was going when they were asked to sign in, kept across the sign-in (and the
 * registration that signs them in), so that the pages can say what it is for and the destination
 * can skip a second confirmation. Also keeps the username of a failed sign-in for the form to show
 * again. All of it lives in the visitor's own HTTP session, set only by the sign-in itself.
 */
@Component
public class SignInDestination {

    /** Spring Security's saved request (HttpSessionRequestCache, which Vaadin's request cache uses). */
    static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";
    static final String SIGNED_IN_FOR = SignInDestination.class.getName() + ".signedInFor";
    static final String FAILED_USERNAME = SignInDestination.class.getName() + ".failedUsername";

    private final ObjectProvider<SignInReasons> reasons;

    SignInDestination(ObjectProvider<SignInReasons> reasons) {
        this.reasons = reasons;
    }

    /** The path the visitor (of Vaadin's wrapped HTTP session) of this session was on their way to when asked to sign in. */
    public Optional<String> pendingPath(WrappedSession session) {
        return session.getAttribute(SAVED_REQUEST) instanceof SavedRequest saved ? path(saved.getRedirectUrl()) : Optional.empty();
    }

    /**
     * What signing in is for ("continue “Banana bread”"), said by the feature that owns the pending
     * path; empty when nothing is pending or no feature knows the path.
     */
    public Optional<String> purpose(WrappedSession session) {
        Optional<String> path = pendingPath(session);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        List<SignInReasons> all = reasons.orderedStream().toList();
        return all.stream().map(r -> r.purpose(path.get())).flatMap(Optional::stream).findFirst();
    }

    /**
     * True once, right after this session signed in on its way to this path: the destination may
     * then do what the visitor set out to do without asking again.
     */
    public boolean takeSignedInFor(WrappedSession session, String path) {
        Object target = session.getAttribute(SIGNED_IN_FOR);
        if (path.equals(target)) {
            session.removeAttribute(SIGNED_IN_FOR);
            return true;
        }
        return false;
    }

    /** The username of this session's last failed sign-in, once, for the form to show again. */
    public Optional<String> takeFailedUsername(WrappedSession session) {
        Object username = session.getAttribute(FAILED_USERNAME);
        session.removeAttribute(FAILED_USERNAME);
        return username instanceof String name ? Optional.of(name) : Optional.empty();
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        currentSession().ifPresent(session -> {
            session.removeAttribute(FAILED_USERNAME);
            Optional<String> path = session.getAttribute(SAVED_REQUEST) instanceof SavedRequest saved
                    ? path(saved.getRedirectUrl()) : Optional.empty();
            path.ifPresentOrElse(p -> session.setAttribute(SIGNED_IN_FOR, p), () -> session.removeAttribute(SIGNED_IN_FOR));
        });
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        if (name != null && !name.isBlank() && name.length() <= 200) {
            currentSession().ifPresent(session -> session.setAttribute(FAILED_USERNAME, name));
        }
    }

    private static Optional<HttpSession> currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getSession(false));
        }
        return Optional.empty();
    }

    /** The path of a saved request's URL, without the query; empty for anything that does not parse. */
    static Optional<String> path(String url) {
        try {
            String path = new URI(url).getPath();
            return path == null || path.isEmpty() ? Optional.empty() : Optional.of(path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
