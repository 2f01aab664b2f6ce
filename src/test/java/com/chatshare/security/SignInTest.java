package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in through the real filter chain: passwords, CSRF, and the actuator rules. */
@IntegrationTest
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Test
    void right_password_signs_in() throws Exception {
        mvc.perform(formLogin("/login").user("bob").password("bob-password"))
                .andExpect(authenticated().withUsername("bob").withRoles("USER"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void username_is_matched_without_regard_to_case() throws Exception {
        mvc.perform(formLogin("/login").user("BOB").password("bob-password"))
                .andExpect(authenticated().withUsername("bob"));
    }

    @Test
    void a_login_post_without_a_csrf_token_does_not_sign_in() throws Exception {
        // A forged form on another site would sign the victim in to the attacker's account.
        mvc.perform(post("/login").param("username", "bob").param("password", "bob-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void a_login_post_with_a_wrong_csrf_token_does_not_sign_in() throws Exception {
        mvc.perform(post("/login").param("username", "bob").param("password", "bob-password")
                        .with(csrf().useInvalidToken()))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void wrong_password_is_refused() throws Exception {
        mvc.perform(formLogin("/login").user("bob").password("not-bobs-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anonymous_request_for_an_app_view_goes_to_login() throws Exception {
        mvc.perform(get("/admin/users"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void health_endpoint_is_public_and_says_nothing_more() throws Exception {
        var body = mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components");
    }

    @Test
    void other_actuator_endpoints_are_not_public() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/env", "/actuator/beans",
                "/actuator/info"}) {
            // Machines sign in with HTTP Basic here (ActuatorSecurity), not through the login view.
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).with(user("bob").roles("USER"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void failed_sign_in_keeps_its_reason_for_the_login_view() throws Exception {
        mvc.perform(formLogin("/login").user("alice").password("wrong-wrong"))
                .andExpect(request().sessionAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                        org.hamcrest.Matchers.notNullValue()));
    }
}
