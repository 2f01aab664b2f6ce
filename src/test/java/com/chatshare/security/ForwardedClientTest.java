package com.chatshare.security;

import static com.chatshare.Addresses.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The forwarded client is believed only from the configured proxies, and cannot be chosen by the
 * client; proxies are compared as addresses, whatever their spelling. (On real Jetty, over IPv4
 * and IPv6: {@link BehindAProxyTest}, {@link AccessLogTest}.)
 */
class ForwardedClientTest {

    private static Optional<ForwardedClient.Forwarded> seen(ForwardedClient forwarded, String peer, String forwardedFor,
            String proto) {
        return forwarded.resolve(address(peer), forwardedFor == null ? List.of() : List.of(forwardedFor), proto, false);
    }

    private static InetAddress client(ForwardedClient forwarded, String peer, String forwardedFor) {
        return seen(forwarded, peer, forwardedFor, null).map(ForwardedClient.Forwarded::client).orElse(address(peer));
    }

    @Test
    void without_trusted_proxies_the_headers_are_ignored() {
        assertThat(seen(new ForwardedClient(List.of()), "203.0.113.9", "1.2.3.4", "https")).isEmpty();
    }

    @Test
    void a_trusted_proxy_gives_the_real_client_and_scheme() {
        ForwardedClient forwarded = new ForwardedClient(List.of("10.0.0.0/8", "::1"));

        assertThat(seen(forwarded, "10.1.2.3", "198.51.100.7", "https"))
                .contains(new ForwardedClient.Forwarded(address("198.51.100.7"), true));
        assertThat(seen(forwarded, "::1", "2001:db8::7", "http"))
                .contains(new ForwardedClient.Forwarded(address("2001:db8::7"), false));
    }

    @Test
    void the_loopback_proxy_is_trusted_in_every_spelling_of_ipv6() {
        for (String configured : List.of("::1", "[::1]", "0:0:0:0:0:0:0:1", "::1/128")) {
            ForwardedClient forwarded = new ForwardedClient(List.of(configured));
            for (String peer : List.of("::1", "[::1]", "0:0:0:0:0:0:0:1")) {
                assertThat(client(forwarded, peer, "198.51.100.7")).as(configured + " / " + peer)
                        .isEqualTo(address("198.51.100.7"));
            }
            assertThat(forwarded.isTrusted(address("::2"))).isFalse();
            assertThat(forwarded.isTrusted(address("127.0.0.1"))).isFalse();
        }
    }

    @Test
    void ipv6_ranges_and_ipv4_proxies_on_a_dual_stack_socket_are_matched_as_addresses() {
        ForwardedClient forwarded = new ForwardedClient(List.of("fd00:0:0:1::/64", "10.0.0.5"));

        assertThat(forwarded.isTrusted(address("[fd00:0:0:1:0:0:0:1]"))).isTrue();
        assertThat(forwarded.isTrusted(address("fd00:0:0:2::1"))).isFalse();
        assertThat(forwarded.isTrusted(address("::ffff:10.0.0.5"))).isTrue();
        assertThat(client(forwarded, "[fd00:0:0:1::9]", "[2001:db8::1], 10.0.0.5")).isEqualTo(address("2001:db8::1"));
    }

    @Test
    void a_client_cannot_choose_its_address_by_sending_the_header_itself() {
        ForwardedClient forwarded = new ForwardedClient(List.of("10.0.0.5"));

        // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
        assertThat(client(forwarded, "10.0.0.5", "1.1.1.1, 198.51.100.7")).isEqualTo(address("198.51.100.7"));
        // Through two trusted proxies: the first address neither of them is.
        assertThat(client(new ForwardedClient(List.of("10.0.0.0/24")), "10.0.0.5", "1.1.1.1, 198.51.100.7, 10.0.0.9"))
                .isEqualTo(address("198.51.100.7"));
        // An untrusted sender's header is ignored altogether.
        assertThat(seen(forwarded, "203.0.113.9", "10.0.0.5", "https")).isEmpty();
        // Garbage in the chain stops the walk at the proxy's own view, and never fails the request.
        assertThat(client(forwarded, "10.0.0.5", "evil, not-an-address")).isEqualTo(address("10.0.0.5"));
        assertThat(client(forwarded, "10.0.0.5", "1.2.3.4:5678")).isEqualTo(address("10.0.0.5"));
        assertThat(client(forwarded, "10.0.0.5", "1:2:3:4:5:6:7:8:9")).isEqualTo(address("10.0.0.5"));
        assertThat(client(forwarded, "10.0.0.5", "localhost")).isEqualTo(address("10.0.0.5"));
    }

    @Test
    void a_second_header_line_added_by_the_proxy_is_read_too() {
        ForwardedClient forwarded = new ForwardedClient(List.of("10.0.0.5"));

        // The first line sent by the client, the second added by the proxy.
        assertThat(forwarded.resolve(address("10.0.0.5"), List.of("9.9.9.9", "198.51.100.7"), null, false))
                .map(ForwardedClient.Forwarded::client).contains(address("198.51.100.7"));
    }

    @Test
    void without_a_proto_header_the_connection_says_whether_it_is_secure() {
        ForwardedClient forwarded = new ForwardedClient(List.of("10.0.0.5"));

        assertThat(forwarded.resolve(address("10.0.0.5"), List.of(), null, true).orElseThrow().secure()).isTrue();
        assertThat(forwarded.resolve(address("10.0.0.5"), List.of(), null, false).orElseThrow().secure()).isFalse();
        assertThat(forwarded.resolve(address("10.0.0.5"), List.of(), " HTTPS ", false).orElseThrow().secure()).isTrue();
    }

    @Test
    void a_proxy_setting_that_is_no_address_stops_the_start() {
        for (String wrong : List.of("proxy.internal", "10.0.0.0/33", "::1/129", "10.0.0.1/x", "1.2.3.4:80")) {
            assertThatThrownBy(() -> new ForwardedClient(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chatshare.trusted-proxies");
        }
    }
}
