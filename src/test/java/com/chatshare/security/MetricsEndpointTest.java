package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code /actuator/prometheus} for admins only, with HTTP Basic through the sign-in throttle, and
 * the application's own meters in it. Each test comes from addresses of its own (10.78.…), so
 * its failed sign-ins lock nothing another test uses.
 */
@IntegrationTest
class MetricsEndpointTest {

    private static final String PROMETHEUS = "/actuator/prometheus";
    private static final AtomicInteger addresses = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Test
    void an_anonymous_scrape_is_asked_for_credentials_and_gets_nothing() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(PROMETHEUS).with(LoginLockoutTest.from(newAddress())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Chatshare\""))
                .andReturn().getResponse();

        assertThat(response.getContentAsString()).doesNotContain("chatshare_");
    }

    @Test
    void users_and_moderators_are_forbidden_the_scrape_and_every_other_endpoint() throws Exception {
        String address = newAddress();
        for (String path : new String[] {PROMETHEUS, "/actuator", "/actuator/env", "/actuator/beans"}) {
            mvc.perform(get(path).with(httpBasic("alice", "alice-password")).with(LoginLockoutTest.from(address)))
                    .andExpect(status().isForbidden());
            mvc.perform(get(path).with(httpBasic("mod", "mod-password")).with(LoginLockoutTest.from(address)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void an_admin_scrapes_without_a_session_and_without_a_csrf_token() throws Exception {
        MockHttpServletResponse response = mvc.perform(scrape(newAddress()))
                .andExpect(status().isOk())
                .andReturn().getResponse();

        assertThat(response.getContentType()).startsWith("text/plain");
        assertThat(response.getCookies()).isEmpty();
        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(response.getContentAsString()).contains("chatshare_signin_failures_total{reason=\"bad_credentials\"}",
                "chatshare_signin_failures_total{reason=\"throttled\"}", "chatshare_assistant_replies_seconds_count",
                "chatshare_reports_filed_total");
    }

    @Test
    void a_session_signed_in_as_admin_opens_nothing_here() throws Exception {
        // The Vaadin app's session is not read by this chain: only HTTP Basic is.
        MockHttpSession session = (MockHttpSession) mvc.perform(
                        LoginLockoutTest.signIn("admin", "admin-password", newAddress()))
                .andExpect(authenticated())
                .andReturn().getRequest().getSession();

        mvc.perform(get(PROMETHEUS).session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void health_stays_public() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void a_failed_sign_in_and_a_refused_one_are_counted_once_each() throws Exception {
        double failures = counter("chatshare_signin_failures_total{reason=\"bad_credentials\"}");
        double throttled = counter("chatshare_signin_failures_total{reason=\"throttled\"}");
        double lockouts = counter("chatshare_signin_lockouts_total{kind=\"username\"}");
        String attacker = newAddress();

        mvc.perform(LoginLockoutTest.signIn("metrics-victim", "wrong", attacker));
        assertThat(counter("chatshare_signin_failures_total{reason=\"bad_credentials\"}")).isEqualTo(failures + 1);

        for (int i = 1; i < LoginThrottle.MAX_FAILURES; i++) {
            mvc.perform(LoginLockoutTest.signIn("metrics-victim", "wrong-" + i, attacker));
        }
        mvc.perform(LoginLockoutTest.signIn("metrics-victim", "wrong-again", attacker));

        assertThat(counter("chatshare_signin_failures_total{reason=\"bad_credentials\"}"))
                .isEqualTo(failures + LoginThrottle.MAX_FAILURES);
        assertThat(counter("chatshare_signin_failures_total{reason=\"throttled\"}")).isEqualTo(throttled + 1);
        assertThat(counter("chatshare_signin_lockouts_total{kind=\"username\"}")).isEqualTo(lockouts + 1);
    }

    @Test
    void basic_auth_goes_through_the_sign_in_throttle() throws Exception {
        String attacker = newAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            mvc.perform(get(PROMETHEUS).with(httpBasic("admin", "guess-" + i)).with(LoginLockoutTest.from(attacker)))
                    .andExpect(status().isUnauthorized());
        }

        // Locked for this address: the right password is not even looked at.
        mvc.perform(scrape(attacker)).andExpect(status().isUnauthorized());
        // The admin's scraper elsewhere goes on.
        mvc.perform(scrape(newAddress())).andExpect(status().isOk());
    }

    @Test
    void a_share_token_never_appears_in_the_metrics() throws Exception {
        String token = "MetricsProbeToken12345";
        mvc.perform(get("/share/" + token));
        mvc.perform(get("/share/" + token + "/report"));

        assertThat(mvc.perform(scrape(newAddress())).andReturn().getResponse().getContentAsString())
                .doesNotContain(token);
    }

    private double counter(String series) throws Exception {
        String body = mvc.perform(scrape(newAddress())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
        assertThat(value.find()).as(series + " in\n" + body).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static MockHttpServletRequestBuilder scrape(String address) {
        return get(PROMETHEUS).with(httpBasic("admin", "admin-password")).with(LoginLockoutTest.from(address));
    }

    private static String newAddress() {
        int n = addresses.incrementAndGet();
        return "10.78." + (n / 250) + "." + (n % 250 + 1);
    }
}
