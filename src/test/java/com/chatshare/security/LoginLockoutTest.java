package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.AccountSummary;
import com.chatshare.accounts.Registration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The lockout through the real sign-in: refused even with the right password, the same for
 * ghosts and disabled accounts, for every spelling of a username, and not for the owner
 * signing in from elsewhere. Each test signs in from addresses of its own, so the per-address
 * limit of one test does not reach into another.
 */
@IntegrationTest
class LoginLockoutTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger addresses = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Test
    void sixth_attempt_after_five_failures_is_refused_even_with_the_right_password() throws Exception {
        accounts.register(new Registration("lockout-victim", "Victim", PASSWORD));
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            Object failure = failedSignIn("lockout-victim", "wrong-password-" + i, attacker);
            assertThat(failure).isNotInstanceOf(LoginThrottledException.class);
        }

        Object failure = failedSignIn("lockout-victim", PASSWORD, attacker);

        assertThat(failure).isInstanceOf(LoginThrottledException.class);
        assertThat(((Exception) failure).getMessage()).isEqualTo(LoginThrottledException.MESSAGE);
    }

    @Test
    void lockout_of_an_unknown_username_looks_the_same_as_of_a_real_one() throws Exception {
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            failedSignIn("no-such-user-anywhere", "whatever-" + i, attacker);
        }
        assertThat(failedSignIn("no-such-user-anywhere", "whatever", attacker))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void a_locked_username_does_not_lock_others() throws Exception {
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            failedSignIn("someone-else-entirely", "whatever-" + i, attacker);
        }
        mvc.perform(signIn("alice", "alice-password", attacker))
                .andExpect(authenticated());
    }

    @Test
    void other_spellings_of_a_locked_username_get_no_fresh_guesses() throws Exception {
        accounts.register(new Registration("spelled-bob", "Spelled", PASSWORD));
        String attacker = newAddress();
        // Each of these reaches the same account; each used to be counted on its own.
        String[] spellings = {"spelled-bob", "SPELLED-BOB", "spelled-bób", "ｓｐｅｌｌｅｄ-ｂｏｂ", "spélled-bob"};
        for (String spelling : spellings) {
            assertThat(failedSignIn(spelling, "wrong-guess", attacker)).isNotInstanceOf(LoginThrottledException.class);
        }

        for (String spelling : new String[] {"spelled-bób", "ｓｐｅｌｌｅｄ-ｂｏｂ", "SPÉLLED-BOB", "spelled-bob"}) {
            assertThat(failedSignIn(spelling, PASSWORD, attacker)).as(spelling)
                    .isInstanceOf(LoginThrottledException.class);
        }
    }

    @Test
    void a_spelling_signs_in_as_its_canonical_account_and_a_name_with_an_invisible_character_does_not()
            throws Exception {
        accounts.register(new Registration("fullwidth-fan", "Fan", PASSWORD));
        String home = newAddress();

        mvc.perform(signIn("ｆｕｌｌｗｉｄｔｈ-ｆáｎ", PASSWORD, home))
                .andExpect(authenticated().withUsername("fullwidth-fan"));
        // The canonical form keeps a soft hyphen, so this is no name, whatever a collation makes of it.
        assertThat(failedSignIn("fullwidth\u00AD-fan", PASSWORD, home))
                .isNotInstanceOf(LoginThrottledException.class);
    }

    @Test
    void a_locked_account_still_signs_in_from_an_address_that_never_failed_on_it() throws Exception {
        accounts.register(new Registration("besieged", "Besieged", PASSWORD));
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            failedSignIn("besieged", "guess-" + i, attacker);
        }
        assertThat(failedSignIn("besieged", PASSWORD, attacker)).isInstanceOf(LoginThrottledException.class);

        mvc.perform(signIn("besieged", PASSWORD, newAddress()))
                .andExpect(authenticated().withUsername("besieged"));
    }

    @Test
    void a_disabled_account_answers_and_locks_like_a_wrong_password_and_like_a_ghost() throws Exception {
        AccountSummary disabled = accounts.register(new Registration("quietly-disabled", "Disabled", PASSWORD));
        SignedIn.as(users, "admin");
        try {
            accounts.setEnabled(disabled.id(), false);
        } finally {
            SignedIn.signOut();
        }
        String attacker = newAddress();

        Object rightPassword = failedSignIn("quietly-disabled", PASSWORD, attacker);
        Object wrongPassword = failedSignIn("quietly-disabled", "wrong-password", attacker);
        Object ghost = failedSignIn("never-registered-ghost", PASSWORD, attacker);
        assertThat(rightPassword.getClass()).isEqualTo(wrongPassword.getClass()).isEqualTo(ghost.getClass());
        assertThat(((Exception) rightPassword).getMessage()).isEqualTo(((Exception) ghost).getMessage());

        for (int i = 2; i < LoginThrottle.MAX_FAILURES; i++) {
            failedSignIn("quietly-disabled", "wrong-password-" + i, attacker);
        }
        assertThat(failedSignIn("quietly-disabled", PASSWORD, attacker)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void one_address_cannot_spray_a_password_over_many_usernames() throws Exception {
        String sprayer = newAddress();
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            assertThat(failedSignIn("sprayed-" + i, "Summer2026!!", sprayer))
                    .isNotInstanceOf(LoginThrottledException.class);
        }

        assertThat(failedSignIn("alice", "alice-password", sprayer)).isInstanceOf(LoginThrottledException.class);
        mvc.perform(signIn("alice", "alice-password", newAddress()))
                .andExpect(authenticated());
    }

    @Test
    void a_parallel_burst_on_the_sign_in_form_gets_no_more_guesses_than_the_limit() throws Exception {
        accounts.register(new Registration("burst-victim", "Burst", PASSWORD));
        String attacker = newAddress();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<Object> answers;
        try {
            List<java.util.concurrent.Future<Object>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String guess = "wrong-guess-" + i;
                guesses.add(threads.submit(() -> failedSignIn("burst-victim", guess, attacker)));
            }
            answers = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Object> guess : guesses) {
                answers.add(guess.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(answers).filteredOn(answer -> !(answer instanceof LoginThrottledException))
                .as("password checks").hasSize(LoginThrottle.MAX_FAILURES);
    }

    private Object failedSignIn(String username, String password, String address) throws Exception {
        MvcResult result = mvc.perform(signIn(username, password, address))
                .andExpect(unauthenticated())
                .andReturn();
        return result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private static String newAddress() {
        int n = addresses.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Form login as the login view posts it, with its CSRF token, from the given address. */
    static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address));
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
