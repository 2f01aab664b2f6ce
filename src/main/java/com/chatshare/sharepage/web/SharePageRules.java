package com.chatshare.sharepage.web;

import com.chatshare.sharing.ShareToken;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What the page's two ways in, {@link SharePageFilter} and {@link KnownPageHandler}, read from a
 * request and write on every answer, in one place: which path is the page's, the page's headers,
 * and what an {@code If-None-Match} asks.
 */
final class SharePageRules {

    private SharePageRules() {
    }

    /**
     * The last segment of a raw (still encoded) request path of the form {@code CONTEXT/share/SEGMENT}
     * (a token or {@code TOKEN.md}, well-formed or not), or null for any other path. The raw path: a
     * path with encoded or matrix parts is not ours and meets the firewall later.
     */
    static @Nullable String segment(String rawPath, String contextPath) {
        int start = contextPath.length() + ShareToken.PATH_PREFIX.length();
        if (rawPath.length() <= start || !rawPath.startsWith(contextPath)
                || !rawPath.startsWith(ShareToken.PATH_PREFIX, start - ShareToken.PATH_PREFIX.length())
                || rawPath.indexOf('/', start) >= 0) {
            return null;
        }
        return rawPath.substring(start);
    }

    /** The headers every answer of the page carries, in this order; HSTS only over https. */
    static void writeSecurityHeaders(boolean secure, BiConsumer<String, String> header) {
        header.accept("Cache-Control", "no-cache");
        header.accept("Content-Security-Policy", SharePageFilter.CONTENT_SECURITY_POLICY);
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Robots-Tag", "noindex, nofollow, noarchive");
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        if (secure) {
            header.accept("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }

    /** What an {@code If-None-Match} header asks of a response with a given ETag. */
    enum Revalidation {
        /** No header: a plain request. */
        NONE,
        /** Exactly the tag (what a browser or cache sends back): 304. */
        SAME_TAG,
        /** Any other form (a list, a weak tag, *, another tag): for Spring's full comparison. */
        OTHER;

        static Revalidation of(@Nullable String ifNoneMatch, String etag) {
            if (ifNoneMatch == null) {
                return NONE;
            }
            return ifNoneMatch.equals(etag) ? SAME_TAG : OTHER;
        }
    }
}
