package com.chatshare.security.ui;

import com.chatshare.security.LoginThrottledException;
import com.chatshare.security.SignInDestination;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in with Vaadin's LoginForm. The form posts to Spring Security; failures come back as
 * {@code /login?error}, and a throttled username gets its own message. The form posts with
 * Spring Security's CSRF token; a post whose token no longer matches (the session expired while
 * the page was open) comes back as {@code /login?expired}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Chatshare")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String BAD_CREDENTIALS_MESSAGE =
            "Check that you have entered the correct username and password and try again.";
    public static final String EXPIRED_MESSAGE =
            "The sign-in page had expired, so you were not signed in. Please sign in again.";

    private final transient AuthenticationContext authenticationContext;
    private final transient SignInDestination destination;
    private final LoginForm login = new LoginForm();
    private String formTitle = DEFAULT_TITLE;

    static final String DEFAULT_TITLE = "Sign in";

    LoginView(AuthenticationContext authenticationContext, SignInDestination destination) {
        this.authenticationContext = authenticationContext;
        this.destination = destination;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(BAD_CREDENTIALS_MESSAGE));

        Anchor register = new Anchor("register", "Create an account");
        register.setId("register-link");
        add(login, new Paragraph(new Text("New to Chatshare? "), register));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        WrappedSession session = VaadinSession.getCurrent().getSession();
        // On the way to somewhere (continue a shared chat): say so above the form.
        formTitle = destination.purpose(session).map(purpose -> "Sign in to " + purpose).orElse(DEFAULT_TITLE);
        login.setI18n(i18n(BAD_CREDENTIALS_MESSAGE));
        if (event.getLocation().getQueryParameters().getParameters().containsKey("expired")) {
            login.setI18n(i18n(EXPIRED_MESSAGE));
            login.setError(true);
        } else if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setI18n(i18n(lastFailureWasThrottled()
                    ? LoginThrottledException.MESSAGE
                    : BAD_CREDENTIALS_MESSAGE));
            login.setError(true);
            // The username stays in its field; only the password is typed again.
            destination.takeFailedUsername(session).ifPresent(username -> login.getElement().executeJs(
                    "const field = this.querySelector('#vaadinLoginUsername');"
                            + "if (field) { field.value = $0; const password = this.querySelector('#vaadinLoginPassword');"
                            + " if (password) { password.focus(); } }", username));
        }
    }

    private static boolean lastFailureWasThrottled() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return false;
        }
        WrappedSession wrapped = session.getSession();
        Object failure = wrapped.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        wrapped.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof LoginThrottledException;
    }

    private LoginI18n i18n(String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle("Chatshare");
        header.setDescription("Share your AI conversations by link");
        i18n.setHeader(header);
        i18n.getForm().setTitle(formTitle);
        i18n.getForm().setSubmit(DEFAULT_TITLE);
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }
}
