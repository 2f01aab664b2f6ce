package com.chatshare.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.security.LoginThrottle;
import com.chatshare.security.LoginThrottledException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sign-in page through the real filter chain: what it says, what it keeps after a failure,
 * where it sends a signed-in user, and that it is a plain form with Spring Security's token and
 * none of Vaadin's client.
 */
@IntegrationTest
class SignInPageTest {

    private static final AtomicInteger addresses = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Test
    void the_page_is_a_plain_form_that_posts_to_spring_security_with_its_csrf_token() throws Exception {
        Document page = page(get("/login"));

        assertThat(page.title()).isEqualTo("Sign in · Chatshare");
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.select("h1")).singleElement().extracting(Element::text).isEqualTo("Sign in");
        assertThat(page.select("header.brand").text()).isEqualTo("Chatshare Share your AI conversations by link");
        Element form = page.getElementById("login-form");
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(form.attr("action")).isEqualTo("/login");
        assertThat(form.select("input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Sign in");
        assertThat(page.select("[role=alert]")).isEmpty();
        assertThat(page.select("script").eachAttr("src")).containsExactly("/sign-in-assets/sign-in.js");
        assertThat(page.html()).doesNotContain("VAADIN").doesNotContain("vaadin-");
    }

    @Test
    void every_field_has_its_label_and_the_browser_fills_it_in() throws Exception {
        Document page = page(get("/login"));

        Element username = page.getElementById("username");
        Element password = page.getElementById("password");
        assertThat(page.select("label[for=username]").text()).isEqualTo("Username");
        assertThat(page.select("label[for=password]").text()).isEqualTo("Password");
        assertThat(username.attr("name")).isEqualTo("username");
        assertThat(username.attr("autocomplete")).isEqualTo("username");
        assertThat(username.hasAttr("autofocus")).isTrue();
        assertThat(password.attr("name")).isEqualTo("password");
        assertThat(password.attr("type")).isEqualTo("password");
        assertThat(password.attr("autocomplete")).isEqualTo("current-password");
        assertThat(password.hasAttr("autofocus")).isFalse();
        assertThat(username.val()).isEmpty();
    }

    @Test
    void the_page_posts_to_a_sign_in_that_works_with_its_own_token() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document page = page(get("/login").session(session));
        String token = page.select("#login-form input[name=_csrf]").attr("value");

        mvc.perform(post("/login").session(session).param("_csrf", token)
                        .param("username", "bob").param("password", "bob-password"))
                .andExpect(authenticated().withUsername("bob"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void a_signed_in_user_is_sent_to_the_app() throws Exception {
        mvc.perform(get("/login").with(user("alice").roles("USER")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void a_wrong_password_says_so_keeps_the_username_and_asks_for_the_password() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(signIn("alice", "not-alices-password", newAddress()).session(session))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));

        Document page = page(get("/login?error").session(session));

        assertThat(page.select("[role=alert]")).singleElement().extracting(Element::text)
                .isEqualTo("Sign-in failed " + SignInController.BAD_CREDENTIALS_MESSAGE);
        Element username = page.getElementById("username");
        assertThat(username.val()).isEqualTo("alice");
        assertThat(username.hasAttr("autofocus")).isFalse();
        assertThat(page.getElementById("password").hasAttr("autofocus")).isTrue();
        assertThat(page.getElementById("password").val()).isEmpty();
        assertThat(page.select("h1").text()).isEqualTo("Sign in");

        // Once: a reload shows the message again but the field empty, as the old form did.
        Document again = page(get("/login?error").session(session));
        assertThat(again.getElementById("username").val()).isEmpty();
    }

    @Test
    void a_throttled_username_gets_the_throttles_message() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String attacker = newAddress();
        for (int i = 0; i <= LoginThrottle.MAX_FAILURES; i++) {
            mvc.perform(signIn("sign-in-page-victim", "wrong-" + i, attacker).session(session))
                    .andExpect(unauthenticated());
        }

        Document page = page(get("/login?error").session(session));

        assertThat(page.select("[role=alert]").text()).contains(LoginThrottledException.MESSAGE)
                .doesNotContain(SignInController.BAD_CREDENTIALS_MESSAGE);
        assertThat(page.getElementById("username").val()).isEqualTo("sign-in-page-victim");
    }

    @Test
    void an_expired_form_says_why_it_did_not_sign_in() throws Exception {
        String redirect = mvc.perform(post("/login").param("username", "bob").param("password", "bob-password"))
                .andExpect(unauthenticated())
                .andReturn().getResponse().getRedirectedUrl();

        Document page = page(get(redirect));

        assertThat(page.select("[role=alert]").text()).isEqualTo("Sign-in failed " + SignInController.EXPIRED_MESSAGE);
    }

    @Test
    void on_the_way_to_continue_a_shared_chat_the_heading_says_so() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/share/no-such-link-for-sign-in/continue").session(session))
                .andExpect(redirectedUrl("/login"));

        Document page = page(get("/login").session(session));

        // An unknown (or restricted) link's title is never shown; a public one's is
        // (DailyUseJourneyBrowserIT, "Sign in to continue “title”").
        assertThat(page.select("h1").text()).isEqualTo("Sign in to continue a shared chat");
        assertThat(page.getElementById("register-link").attr("href")).isEqualTo("/register");
        assertThat(page.getElementById("register-link").parent().text()).isEqualTo("New to Chatshare? Create an account");
    }

    @Test
    void a_kept_username_is_text_not_markup() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String hostile = "\"><script>alert(1)</script>";
        mvc.perform(signIn(hostile, "whatever-password", newAddress()).session(session))
                .andExpect(unauthenticated());

        String html = mvc.perform(get("/login?error").session(session)).andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(Jsoup.parse(html).getElementById("username").val()).isEqualTo(hostile);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    /** An address of this test's own, so the throttle's per-address limit of one test does not reach another. */
    private static String newAddress() {
        int n = addresses.incrementAndGet();
        return "10.78." + (n / 250) + "." + (n % 250 + 1);
    }
}
