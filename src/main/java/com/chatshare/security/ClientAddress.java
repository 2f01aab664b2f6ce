package com.chatshare.security;

import jakarta.servlet.ServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;

/**
 * The one place where a client's address is read from text, and where the key that every
 * per-address limit counts under is made from it: the sign-in throttle, the report form, the
 * registration limit, the view count and the access log all go through here, so no spelling of
 * an address gets an allowance of its own.
 *
 * <p>Jetty gives an IPv6 peer in brackets ({@code [fd00::1]}), proxies and configuration write it
 * without; an IPv6 address may carry a zone ({@code fe80::1%eth0}), and an IPv4 client may reach
 * a dual-stack socket as {@code ::ffff:198.51.100.7}. All of these are one address here.
 */
public final class ClientAddress {

    /** Dotted quads or IPv6 hex groups (an IPv4 tail allowed): nothing that could be looked up in DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddress() {
    }

    /**
     * The address in a text, if it is one: brackets around IPv6 and a zone id are dropped, an
     * IPv4-mapped IPv6 address is the IPv4 address. Anything else (a host name, a port, extra
     * groups, an empty text) is none: never looked up in DNS.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.length() > 2 && literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.indexOf(':') >= 0) {
            // The zone names an interface of the machine that saw the address, not the client.
            literal = literal.substring(0, zone);
        }
        if (!LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        return literal.indexOf(':') >= 0 ? ipv6(literal) : ipv4(literal);
    }

    private static Optional<InetAddress> ipv4(String dottedQuad) {
        String[] parts = dottedQuad.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(byAddress(bytes));
    }

    private static Optional<InetAddress> ipv6(String literal) {
        try {
            // In brackets, Java parses an IPv6 literal or refuses it, and never asks DNS.
            return Optional.of(unmapped(InetAddress.getByName("[" + literal + "]")));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The client of a request: its remote address, which behind a trusted proxy is the client the
     * proxy named ({@link ForwardedClient}); empty only for a peer that has no IP address.
     */
    public static Optional<InetAddress> of(ServletRequest request) {
        return parse(request.getRemoteAddr());
    }

    /**
     * The client of a Jetty request, the same address {@link #of(ServletRequest)} gives for it,
     * taken from the remote socket address (behind a trusted proxy the client it named,
     * {@link ForwardedClient}) rather than parsed back from its text: for the share page answered
     * ahead of the servlets, where parsing was 7 % of the JVM's CPU per request (BENCHMARKS.md).
     */
    public static Optional<InetAddress> of(Request request) {
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress socket
                && socket.getAddress() != null) {
            return Optional.of(unmapped(socket.getAddress()));
        }
        return parse(Request.getRemoteAddr(request));
    }

    /**
     * The key a per-address limit counts under: an IPv4 address as itself, an IPv6 address by
     * its /64 network, which one client (one home, one server) usually has whole — counted per
     * address, a single client would have 2^64 allowances.
     */
    public static String rateLimitKey(InetAddress address) {
        InetAddress client = unmapped(address);
        if (client instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(network, IPV6_NETWORK_BYTES, 16, (byte) 0);
            return byAddress(network).getHostAddress() + "/64";
        }
        return client.getHostAddress();
    }

    /**
     * The site an address belongs to, for limits that a flood from many networks of one site must
     * not escape: an IPv6 address by its /48 (what one site, or one free tunnel, is given), an IPv4
     * address by itself.
     */
    public static String siteKey(InetAddress address) {
        InetAddress client = unmapped(address);
        if (client instanceof Inet6Address) {
            byte[] site = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(site, 6, 16, (byte) 0);
            return byAddress(site).getHostAddress() + "/48";
        }
        return client.getHostAddress();
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as the IPv4 address it is. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isMapped(bytes)) {
            return byAddress(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (address instanceof Inet6Address six && six.getScopeId() != 0) {
            // Without its zone: the same client whichever interface it came in on.
            return byAddress(bytes);
        }
        return address;
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
