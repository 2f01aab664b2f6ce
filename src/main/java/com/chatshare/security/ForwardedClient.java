package com.chatshare.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Behind a reverse proxy, the client is the one the proxy says: {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed only from the configured proxies
 * ({@code chatshare.trusted-proxies}, addresses or CIDR ranges, IPv4 or IPv6 in any spelling;
 * none by default), and the client is the rightmost address in {@code X-Forwarded-For} that is
 * not one of them — a client cannot choose its own address by sending the header itself.
 *
 * <p>A Jetty customizer, so the request is changed where Jetty itself reads it, before any
 * handler: everything that keys on the address (the sign-in throttle, the report form's limit,
 * registrations, view counts, the access log) sees the real client, and an https proto makes
 * the request secure for Jetty's session cookie (which a servlet filter cannot reach), for
 * Spring Security's remember-me cookie and HSTS, and for the links people copy
 * ({@code PublicUrls}).
 */
final class ForwardedClient implements HttpConfiguration.Customizer {

    /** @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of the app */
    @ConfigurationProperties("chatshare")
    record Properties(@DefaultValue List<String> trustedProxies) {
    }

    /** The request attribute with the client's {@link InetAddress} when it is not the peer's: for the {@link AccessLog}. */
    static final String CLIENT_ADDRESS = ForwardedClient.class.getName() + ".clientAddress";

    /** What a trusted proxy said: the client, and whether the client's connection was https. */
    record Forwarded(InetAddress client, boolean secure) {
    }

    private final List<AddressRange> trusted;

    ForwardedClient(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(AddressRange::parse).toList();
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (trusted.isEmpty()
                || !(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
                || peer.getAddress() == null) {
            return request;
        }
        // Through ClientAddress like every other address: an IPv4 proxy on a dual-stack socket is IPv4.
        InetAddress proxy = ClientAddress.parse(peer.getAddress().getHostAddress()).orElse(peer.getAddress());
        Optional<Forwarded> forwarded = resolve(proxy, request.getHeaders().getValuesList("X-Forwarded-For"),
                request.getHeaders().get("X-Forwarded-Proto"), request.getConnectionMetaData().isSecure());
        if (forwarded.isEmpty()) {
            return request;
        }
        request.setAttribute(CLIENT_ADDRESS, forwarded.get().client());
        return new ForwardedRequest(request, forwarded.get());
    }

    /**
     * What to believe of a request from {@code peer}: empty when the peer is no trusted proxy.
     *
     * @param forwardedFor every {@code X-Forwarded-For} line, in order (some proxies add a line of
     *        their own instead of appending to the one the client sent)
     * @param proto {@code X-Forwarded-Proto}, if sent
     * @param secure whether the connection from the proxy is secure itself
     */
    Optional<Forwarded> resolve(InetAddress peer, List<String> forwardedFor, String proto, boolean secure) {
        if (!isTrusted(peer)) {
            return Optional.empty();
        }
        InetAddress client = peer;
        List<String> hops = forwardedFor.stream().flatMap(line -> List.of(line.split(",")).stream()).toList();
        for (String hop : hops.reversed()) {
            Optional<InetAddress> address = ClientAddress.parse(hop);
            if (address.isEmpty()) {
                break; // garbage in the chain: stop at the last address we could trust
            }
            client = address.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        boolean https = proto == null ? secure : HttpScheme.HTTPS.is(proto.strip());
        return Optional.of(new Forwarded(client, https));
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** The request as the proxy's client made it: its address, and its scheme when the proxy says https. */
    private static final class ForwardedRequest extends Request.Wrapper {

        private final ConnectionMetaData connection;
        private final HttpURI uri;
        private final boolean secure;

        ForwardedRequest(Request request, Forwarded forwarded) {
            super(request);
            SocketAddress client = new InetSocketAddress(forwarded.client(), 0);
            boolean secure = forwarded.secure();
            this.secure = secure;
            this.connection = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public SocketAddress getRemoteSocketAddress() {
                    return client;
                }
            };
            HttpURI original = request.getHttpURI();
            this.uri = HttpURI.build(original).scheme(secure ? HttpScheme.HTTPS : HttpScheme.HTTP).asImmutable();
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            return connection;
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }

        /** Asked by Jetty's session handler, which reads neither of the above for it. */
        @Override
        public boolean isSecure() {
            return secure;
        }
    }

    /** An address with a prefix length: {@code 10.0.0.0/8}, {@code ::1}, {@code [::1]}, {@code fd00::/8}. */
    record AddressRange(InetAddress network, int prefix) {

        static AddressRange parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress network = ClientAddress.parse(parts[0]).orElseThrow(
                    () -> new IllegalArgumentException("chatshare.trusted-proxies: not an address or range: " + text));
            int bits = network.getAddress().length * 8;
            int prefix = bits;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1].strip());
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("chatshare.trusted-proxies: not an address or range: " + text);
                }
            }
            return new AddressRange(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            byte[] own = network.getAddress();
            if (candidate.length != own.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != own[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[whole] & mask) == (own[whole] & mask);
        }
    }
}
