package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The forwarded client is believed only from the configured proxies, and cannot be chosen by the client. */
class ForwardedClientFilterTest {

    private static HttpServletRequest seen(ForwardedClientFilter filter, String remote, String forwardedFor,
            String proto) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void without_trusted_proxies_the_headers_are_ignored() throws Exception {
        HttpServletRequest request = seen(new ForwardedClientFilter(List.of()), "203.0.113.9", "1.2.3.4", "https");

        assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(request.isSecure()).isFalse();
    }

    @Test
    void a_trusted_proxy_gives_the_real_client_and_scheme() throws Exception {
        ForwardedClientFilter filter = new ForwardedClientFilter(List.of("10.0.0.0/8", "::1"));

        HttpServletRequest request = seen(filter, "10.1.2.3", "198.51.100.7", "https");

        assertThat(request.getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(request.isSecure()).isTrue();
        assertThat(request.getScheme()).isEqualTo("https");
    }

    @Test
    void a_client_cannot_choose_its_address_by_sending_the_header_itself() throws Exception {
        ForwardedClientFilter filter = new ForwardedClientFilter(List.of("10.0.0.5"));

        // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
        assertThat(seen(filter, "10.0.0.5", "1.1.1.1, 198.51.100.7", null).getRemoteAddr()).isEqualTo("198.51.100.7");
        // Through two trusted proxies: the first address neither of them is.
        assertThat(seen(new ForwardedClientFilter(List.of("10.0.0.0/24")), "10.0.0.5",
                "1.1.1.1, 198.51.100.7, 10.0.0.9", null).getRemoteAddr()).isEqualTo("198.51.100.7");
        // An untrusted sender's header is ignored altogether.
        assertThat(seen(filter, "203.0.113.9", "10.0.0.5", "https").getRemoteAddr()).isEqualTo("203.0.113.9");
        // Garbage in the chain stops the walk at the proxy's own view, and never fails the request.
        assertThat(seen(filter, "10.0.0.5", "evil, not-an-address", null).getRemoteAddr()).isEqualTo("10.0.0.5");
        assertThat(seen(filter, "10.0.0.5", "1.2.3.4:5678", null).getRemoteAddr()).isEqualTo("10.0.0.5");
        assertThat(seen(filter, "10.0.0.5", "1:2:3:4:5:6:7:8:9", null).getRemoteAddr()).isEqualTo("10.0.0.5");
    }

    @Test
    void a_second_header_line_added_by_the_proxy_is_read_too() throws Exception {
        ForwardedClientFilter filter = new ForwardedClientFilter(List.of("10.0.0.5"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setRemoteAddr("10.0.0.5");
        request.addHeader("X-Forwarded-For", "9.9.9.9"); // sent by the client
        request.addHeader("X-Forwarded-For", "198.51.100.7"); // added by the proxy
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(((HttpServletRequest) chain.getRequest()).getRemoteAddr()).isEqualTo("198.51.100.7");
    }
}
