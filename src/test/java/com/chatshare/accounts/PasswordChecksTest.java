package com.chatshare.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.internal.AccountRepository;
import com.chatshare.security.LoginThrottle;
import com.chatshare.security.LoginThrottledException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password asked again by the account's own actions — changing the password, deleting the
 * account — follows the registration rules and goes through the login throttle: it is no way
 * around the limits of the login form.
 */
@IntegrationTest
class PasswordChecksTest {

    private static final String PASSWORD = "first-password-123";
    private static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    AccountService service;

    @Autowired
    AccountRepository accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    MockMvc mvc;

    String username;
    String address;

    @BeforeEach
    void signedInFromAnAddressOfItsOwn() {
        int n = counter.incrementAndGet();
        username = "pw-check-" + n;
        address = "10.88.0." + n;
        service.register(new Registration(username, "Checker", PASSWORD));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SignedIn.as(users, username);
    }

    @AfterEach
    void signOut() {
        SignedIn.signOut();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void the_new_password_follows_the_registration_rules() {
        assertThatThrownBy(() -> service.changePassword(PASSWORD, "short"))
                .isInstanceOfSatisfying(PasswordChangeException.class, e -> assertThat(e.problems())
                        .containsExactly(java.util.Map.entry(PasswordChangeException.Field.NEW_PASSWORD,
                                Registration.passwordProblem("short").orElseThrow())));
        assertThatThrownBy(() -> service.changePassword(PASSWORD, "ü".repeat(40)))
                .isInstanceOf(PasswordChangeException.class);

        assertThat(passwordIs(PASSWORD)).isTrue();
    }

    @Test
    void the_new_password_must_differ_from_the_current_one() {
        assertThatThrownBy(() -> service.changePassword(PASSWORD, PASSWORD))
                .isInstanceOfSatisfying(PasswordChangeException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys(PasswordChangeException.Field.NEW_PASSWORD)
                        .containsValue(PasswordChangeException.SAME_AS_CURRENT));
    }

    @Test
    void the_new_password_field_tells_nothing_while_the_current_one_is_wrong() {
        // Otherwise "must differ from the current one" would confirm an unthrottled guess.
        assertThatThrownBy(() -> service.changePassword("a-wrong-guess", PASSWORD))
                .isInstanceOfSatisfying(PasswordChangeException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys(PasswordChangeException.Field.CURRENT_PASSWORD));
    }

    @Test
    void a_wrong_current_password_counts_as_a_failed_sign_in_and_locks_the_account_from_that_address()
            throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            String guess = "guess-number-" + i;
            assertThatThrownBy(() -> service.changePassword(guess, "second-password-456"))
                    .isInstanceOf(PasswordChangeException.class);
        }

        assertThatThrownBy(() -> service.changePassword(PASSWORD, "second-password-456"))
                .isInstanceOf(LoginThrottledException.class)
                .hasMessage(LoginThrottledException.MESSAGE);
        assertThat(passwordIs(PASSWORD)).isTrue();
        Object failure = mvc.perform(post("/login").param("username", username).param("password", PASSWORD)
                        .with(csrf()).with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andExpect(unauthenticated())
                .andReturn().getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(failure).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void after_a_change_only_the_new_password_signs_in() throws Exception {
        service.changePassword(PASSWORD, "second-password-456");

        assertThat(passwordIs("second-password-456")).isTrue();
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", username).param("password", "second-password-456").with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void an_anonymous_caller_cannot_change_a_password() {
        SignedIn.signOut();

        assertThatThrownBy(() -> service.changePassword(PASSWORD, "second-password-456"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void deleting_the_account_checks_the_password_through_the_login_throttle() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            String guess = "guess-number-" + i;
            assertThatThrownBy(() -> service.deleteOwnAccount(guess)).isInstanceOf(RegistrationException.class);
        }

        assertThatThrownBy(() -> service.deleteOwnAccount(PASSWORD))
                .isInstanceOf(LoginThrottledException.class)
                .hasMessage(LoginThrottledException.MESSAGE);
        assertThat(accounts.existsByUsername(username)).isTrue();
    }

    private boolean passwordIs(String password) {
        return passwordEncoder.matches(password, accounts.findByUsername(username).orElseThrow().getPasswordHash());
    }
}
