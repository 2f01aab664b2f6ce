package com.chatshare.security;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's request log, one line per request on the logger {@value #LOGGER} at INFO:
 * <pre>198.51.100.7 "GET /share/#3f9a0c12de" 200 5123 4ms</pre>
 * the client (as {@link ForwardedClient} found it behind a trusted proxy, written
 * as {@link InetAddress#getHostAddress()} without brackets), the method, the
 * path, the status, the bytes of the body and the time taken. A share link's token is a secret,
 * so whatever follows {@value #SHARE_PATH} is written as {@code #} and the first ten hex digits of
 * its SHA-256 — enough to tell requests of one link from another's, useless for opening it — and
 * the query string is never written. The path is the decoded one (so an encoded
 * {@code /%73hare/…} is recognised too), with control characters, spaces and quotes
 * percent-encoded again so a request cannot forge a line. On with
 * {@code chatshare.access-log.enabled} ({@link AccessLogConfiguration}).
 */
final class AccessLog implements RequestLog {

    static final String LOGGER = "chatshare.access";

    /**
     * Where a share token stands in a path: {@code ShareToken.PATH_PREFIX} of the sharing feature,
     * which this package may not depend on ({@code AccessLogTest} checks they agree).
     */
    static final String SHARE_PATH = "/share/";

    private static final int HASH_HEX_DIGITS = 10;
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat PERCENT_HEX = HexFormat.of().withUpperCase();

    private final Logger log;

    AccessLog() {
        this(LoggerFactory.getLogger(LOGGER));
    }

    AccessLog(Logger log) {
        this.log = log;
    }

    @Override
    public void log(Request request, Response response) {
        if (!log.isInfoEnabled()) {
            return;
        }
        log.info("{} \"{} {}\" {} {} {}ms", clientAddress(request), request.getMethod(), path(request.getHttpURI()),
                response.getStatus(), Response.getContentBytesWritten(response),
                NanoTime.millisSince(request.getBeginNanoTime()));
    }

    private static String clientAddress(Request request) {
        if (request.getAttribute(ForwardedClient.CLIENT_ADDRESS) instanceof InetAddress forwarded) {
            return forwarded.getHostAddress();
        }
        String peer = Request.getRemoteAddr(request);
        return ClientAddress.parse(peer).map(InetAddress::getHostAddress).orElse(peer == null ? "-" : loggable(peer));
    }

    private static String path(HttpURI uri) {
        // The canonical path is decoded and normalised; it is null only for a path Jetty refuses.
        String path = uri.getCanonicalPath() != null ? uri.getCanonicalPath() : uri.getPath();
        return path == null ? "-" : loggable(path);
    }

    /**
     * The path with the segment after {@value #SHARE_PATH} hashed, and nothing that breaks a line.
     * The path is first brought to one spelling ({@link #normalised}), so {@code /share//TOKEN},
     * {@code /share/./TOKEN}, {@code /share%2FTOKEN} or {@code /share;jsessionid=x/TOKEN} hide
     * the token too, whatever Jetty made of them.
     */
    static String loggable(String rawPath) {
        String path = normalised(rawPath);
        StringBuilder line = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            if (path.regionMatches(true, i, SHARE_PATH, 0, SHARE_PATH.length())) {
                int start = i + SHARE_PATH.length();
                int end = path.indexOf('/', start);
                end = end < 0 ? path.length() : end;
                escape(path, i, start, line);
                if (end > start) {
                    line.append('#').append(hash(path.substring(start, end)));
                }
                i = end;
            } else {
                escape(path, i, i + 1, line);
                i++;
            }
        }
        return line.toString();
    }

    /**
     * One spelling of a path, for the log only: percent-escapes decoded (up to three rounds, so a
     * double-encoded slash counts as one), path parameters ({@code ;…}) dropped, backslashes read
     * as slashes, and empty and {@code .} segments removed.
     */
    static String normalised(String path) {
        String decoded = path;
        for (int round = 0; round < 3 && decoded.indexOf('%') >= 0; round++) {
            String next = percentDecoded(decoded);
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        StringBuilder normal = new StringBuilder(decoded.length());
        for (String segment : decoded.replace('\\', '/').split("/")) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (!name.isEmpty() && !name.equals(".")) {
                normal.append('/').append(name);
            }
        }
        if (decoded.endsWith("/") || normal.isEmpty()) {
            normal.append('/');
        }
        return normal.toString();
    }

    /** Decodes %XX escapes as UTF-8; a malformed escape stays as it is. */
    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1))
                    && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The first hex digits of the SHA-256 of a token, as the access log writes it. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest, 0, HASH_HEX_DIGITS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void escape(String text, int from, int to, StringBuilder line) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '"' || c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    line.append('%').append(PERCENT_HEX.toHexDigits(b));
                }
            } else {
                line.append(c);
            }
        }
    }
}
