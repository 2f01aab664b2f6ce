package com.chatshare.security.web;

import com.chatshare.security.LoginThrottledException;
import com.chatshare.security.SignInDestination;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, {@code GET /login}: a plain HTML form, server-rendered without Vaadin's client
 * (so it shows at once, also on a slow phone), that posts to Spring Security's form login at
 * {@code POST /login} with Spring Security's CSRF token. Failures come back as {@code /login?error}
 * (a throttled username gets its own message), and a post whose token no longer matches (the
 * session expired while the page was open) as {@code /login?expired}. After a failure the username
 * stays in its field and the password is to be typed again.
 */
@Controller
class SignInController {

    static final String DEFAULT_TITLE = "Sign in";
    public static final String BAD_CREDENTIALS_MESSAGE =
            "Check that you have entered the correct username and password and try again.";
    public static final String EXPIRED_MESSAGE =
            "The sign-in page had expired, so you were not signed in. Please sign in again.";

    private final AuthenticationContext authenticationContext;
    private final SignInDestination destination;

    SignInController(AuthenticationContext authenticationContext, SignInDestination destination) {
        this.authenticationContext = authenticationContext;
        this.destination = destination;
    }

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        if (authenticationContext.isAuthenticated()) {
            return "redirect:/";
        }
        // Nothing of the visitor's is read without a session: then nothing is pending either.
        HttpSession httpSession = request.getSession(false);
        Optional<WrappedHttpSession> session = Optional.ofNullable(httpSession).map(WrappedHttpSession::new);
        // On the way to somewhere (continue a shared chat): say so above the form.
        model.addAttribute("heading", session.flatMap(destination::purpose)
                .map(purpose -> "Sign in to " + purpose).orElse(DEFAULT_TITLE));
        String error = null;
        String username = null;
        // "?expired" and "?error" come without a value.
        if (request.getParameterMap().containsKey("expired")) {
            error = EXPIRED_MESSAGE;
        } else if (request.getParameterMap().containsKey("error")) {
            error = lastFailureWasThrottled(httpSession) ? LoginThrottledException.MESSAGE : BAD_CREDENTIALS_MESSAGE;
            // The username stays in its field; only the password is typed again.
            username = session.flatMap(destination::takeFailedUsername).orElse(null);
        }
        model.addAttribute("error", error);
        model.addAttribute("username", username);
        return "security/sign-in";
    }

    private static boolean lastFailureWasThrottled(@Nullable HttpSession session) {
        if (session == null) {
            return false;
        }
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof LoginThrottledException;
    }
}
