package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The Vaadin app forbids loading from other origins, whatever a message contains. */
@IntegrationTest
class ContentSecurityPolicyTest {

    @Autowired
    MockMvc mvc;

    @Test
    void the_app_sends_a_policy_that_keeps_the_browser_on_this_origin() throws Exception {
        // An app view (answered here by the redirect to the login view); actuator has a chain of its own.
        String policy = mvc.perform(get("/admin/users")).andReturn().getResponse().getHeader("Content-Security-Policy");

        assertThat(policy).contains("default-src 'self'", "img-src 'self' data:", "connect-src 'self'",
                "frame-ancestors 'none'", "form-action 'self'", "object-src 'none'");
        assertThat(policy).doesNotContain("http:", "https:", "*");
    }

    @Test
    void the_public_page_keeps_its_own_stricter_policy() throws Exception {
        String policy = mvc.perform(get("/share/AAAAAAAAAAAAAAAAAAAAAA")).andReturn().getResponse()
                .getHeader("Content-Security-Policy");

        assertThat(policy).doesNotContain("'unsafe-inline'").contains("default-src 'none'");
    }
}
