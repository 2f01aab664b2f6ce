package com.chatshare.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Every spelling of one client is one address, and one IPv6 /64 is one rate-limit key. */
class ClientAddressTest {

    private static InetAddress parsed(String text) {
        return ClientAddress.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    private static String key(String text) {
        return ClientAddress.rateLimitKey(parsed(text));
    }

    @Test
    void jettys_bracketed_ipv6_is_the_same_address_as_the_plain_spelling() {
        assertThat(parsed("[fd00:0:0:1:0:0:0:1]")).isEqualTo(parsed("fd00:0:0:1::1"));
        assertThat(parsed("[::1]")).isEqualTo(parsed("::1")).isEqualTo(parsed("0:0:0:0:0:0:0:1"));
        assertThat(parsed(" 2001:db8::7 ")).isEqualTo(parsed("2001:0db8:0:0:0:0:0:7"));
    }

    @Test
    void a_bracketed_ipv6_address_counts_by_its_64_network_like_any_other() {
        assertThat(key("[fd00:0:0:1:0:0:0:1]")).isEqualTo(key("fd00:0:0:1:ffff:ffff:ffff:ffff"))
                .isEqualTo(key("fd00:0:0:1::abcd")).isEqualTo("fd00:0:0:1:0:0:0:0/64");
    }

    @Test
    void two_addresses_of_one_64_share_a_key_and_different_64s_do_not() {
        assertThat(key("2001:db8:1:2::1")).isEqualTo(key("2001:db8:1:2:dead:beef:0:1"));
        assertThat(key("2001:db8:1:2::1")).isNotEqualTo(key("2001:db8:1:3::1"));
        assertThat(key("[2001:db8:1:2::1]")).isNotEqualTo(key("[2001:db8:1:3::1]"));
    }

    @Test
    void ipv4_counts_per_address() {
        assertThat(key("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(key("198.51.100.7")).isNotEqualTo(key("198.51.100.8"));
    }

    @Test
    void an_ipv4_mapped_ipv6_address_is_the_ipv4_address() {
        assertThat(parsed("::ffff:198.51.100.7")).isInstanceOf(Inet4Address.class).isEqualTo(parsed("198.51.100.7"));
        assertThat(parsed("[::ffff:c633:6407]")).isEqualTo(parsed("198.51.100.7"));
        assertThat(key("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        // Not folded into one /64 with every other IPv4 client.
        assertThat(key("::ffff:198.51.100.7")).isNotEqualTo(key("::ffff:198.51.100.8"));
    }

    @Test
    void a_zone_id_is_dropped() {
        assertThat(parsed("fe80::1%eth0")).isEqualTo(parsed("fe80::1"));
        assertThat(parsed("[fe80::1%25]")).isEqualTo(parsed("fe80::1"));
        assertThat(parsed("fe80::1%7")).isEqualTo(parsed("fe80::1"));
        assertThat(key("fe80::1%eth0")).isEqualTo(key("fe80::2"));
    }

    @Test
    void garbage_is_no_address_and_nothing_is_looked_up() {
        assertThat(ClientAddress.parse(null)).isEmpty();
        assertThat(ClientAddress.parse("")).isEmpty();
        assertThat(ClientAddress.parse("[]")).isEmpty();
        assertThat(ClientAddress.parse("localhost")).isEmpty();
        assertThat(ClientAddress.parse("example.com")).isEmpty();
        assertThat(ClientAddress.parse("1.2.3.4:5678")).isEmpty();
        assertThat(ClientAddress.parse("[::1]:8080")).isEmpty();
        assertThat(ClientAddress.parse("256.1.1.1")).isEmpty();
        assertThat(ClientAddress.parse("999.999.999.999")).isEmpty();
        assertThat(ClientAddress.parse("1:2:3:4:5:6:7:8:9")).isEmpty();
        assertThat(ClientAddress.parse("1.2.3")).isEmpty();
        assertThat(ClientAddress.parse("unknown")).isEmpty();
    }

    @Test
    void a_jetty_requests_socket_address_is_the_address_its_text_parses_to() throws Exception {
        for (String peer : new String[] {"198.51.100.7", "::ffff:198.51.100.7", "fe80::1%1", "2001:db8::7"}) {
            InetAddress socket = InetAddress.getByName(peer);
            org.eclipse.jetty.server.Request request = org.mockito.Mockito.mock(org.eclipse.jetty.server.Request.class);
            org.eclipse.jetty.server.ConnectionMetaData connection =
                    org.mockito.Mockito.mock(org.eclipse.jetty.server.ConnectionMetaData.class);
            org.mockito.Mockito.when(request.getConnectionMetaData()).thenReturn(connection);
            org.mockito.Mockito.when(connection.getRemoteSocketAddress())
                    .thenReturn(new java.net.InetSocketAddress(socket, 40_000));

            assertThat(ClientAddress.of(request)).as(peer)
                    .contains(parsed(org.eclipse.jetty.server.Request.getRemoteAddr(request)));
        }
    }
}
