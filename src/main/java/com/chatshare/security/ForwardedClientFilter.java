package com.chatshare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a reverse proxy, the client is the one the proxy says: {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed only from the configured proxies
 * ({@code chatshare.trusted-proxies}, addresses or CIDR ranges; none by default), and the client is
 * the rightmost address in {@code X-Forwarded-For} that is not one of them — a client cannot
 * choose its own address by sending the header itself. Everything that keys on the address (the
 * sign-in throttle, the report form's limit) and secure cookies and HSTS (an https proto) then see
 * the real client. Runs before every other filter.
 */
class ForwardedClientFilter extends OncePerRequestFilter {

    /** @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of the app */
    @ConfigurationProperties("chatshare")
    record Properties(@DefaultValue List<String> trustedProxies) {
    }

    /** The request attribute with the client's address when it is not the peer's: for the {@link AccessLog}. */
    static final String CLIENT_ADDRESS = ForwardedClientFilter.class.getName() + ".clientAddress";

    /** Addresses as the headers carry them: IPv4 dotted quads or IPv6 hex groups, nothing to look up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trusted;

    ForwardedClientFilter(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(ForwardedClientFilter::range).toList();
    }

    private static IpAddressMatcher range(String text) {
        String address = text.split("/", 2)[0];
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("chatshare.trusted-proxies: not an address or range: " + text);
        }
        return new IpAddressMatcher(text);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        // Every X-Forwarded-For line, in order: some proxies add a line of their own instead of
        // appending to the one the client sent.
        String forwardedFor = String.join(",", java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
        if (!forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!isLiteral(hop) || !isParsable(hop)) {
                    break; // garbage in the chain: stop at the last address we could trust
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        boolean secure = proto == null ? request.isSecure() : "https".equalsIgnoreCase(proto.strip());
        String clientAddress = client;
        request.setAttribute(CLIENT_ADDRESS, clientAddress);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return clientAddress;
            }

            @Override
            public String getRemoteHost() {
                return clientAddress;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getScheme() {
                return secure ? "https" : "http";
            }
        }, response);
    }

    private boolean isTrusted(String address) {
        if (!isLiteral(address)) {
            return false;
        }
        try {
            return trusted.stream().anyMatch(range -> range.matches(address));
        } catch (IllegalArgumentException e) {
            return false; // looked like an address but is none (a port, too many groups): not a proxy
        }
    }

    private boolean isParsable(String address) {
        try {
            new IpAddressMatcher(address).matches(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLiteral(String address) {
        return address != null && LITERAL.matcher(address).matches();
    }
}
