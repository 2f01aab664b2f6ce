package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import com.chatshare.IntegrationTest;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The lockout through the real sign-in: refused even with the right password, same for ghosts. */
@IntegrationTest
class LoginLockoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Test
    void sixth_attempt_after_five_failures_is_refused_even_with_the_right_password() throws Exception {
        accounts.register(new Registration("lockout-victim", "Victim", "correct-horse-battery"));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            Object failure = signIn("lockout-victim", "wrong-password-" + i);
            assertThat(failure).isNotInstanceOf(LoginThrottledException.class);
        }

        Object failure = signIn("lockout-victim", "correct-horse-battery");

        assertThat(failure).isInstanceOf(LoginThrottledException.class);
        assertThat(((Exception) failure).getMessage()).isEqualTo(LoginThrottledException.MESSAGE);
    }

    @Test
    void lockout_of_an_unknown_username_looks_the_same_as_of_a_real_one() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            signIn("no-such-user-anywhere", "whatever-" + i);
        }
        assertThat(signIn("no-such-user-anywhere", "whatever")).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void a_locked_username_does_not_lock_others() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            signIn("someone-else-entirely", "whatever-" + i);
        }
        mvc.perform(formLogin("/login").user("alice").password("alice-password")).andExpect(authenticated());
    }

    private Object signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(unauthenticated())
                .andReturn();
        return result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
