package com.chatshare.sharepage.web;

import com.chatshare.security.ClientAddress;
import com.chatshare.sharepage.internal.SharePages;
import com.chatshare.sharepage.internal.ViewCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.jspecify.annotations.Nullable;

/**
 * The public page of a link this node knows, answered by Jetty itself ahead of the servlet context
 * (decision 0024): a {@code GET} or {@code HEAD} of {@code /share/TOKEN} whose page
 * {@link SharePages#known} can send from memory alone (head vouched for by the revocation feed,
 * public now, not taken down, that version already rendered) gets the bytes, headers, ETag, 304 and
 * view count that {@link SharePageFilter} would give, through the same code
 * ({@link SharePageRules#writeSecurityHeaders}, {@link SharePageRules.Revalidation},
 * {@link SharePageFilter#acceptsGzip}, the same counters).
 *
 * <p>Everything else goes on to the servlet context unchanged, where the filter gives every other
 * answer (404, 410, 503, 405, the first request of a version, the Markdown download): another
 * method, another path, a query string, any cookie (the servlet path would touch the session),
 * an {@code If-None-Match} other than exactly the page's tag (Spring parses those). The forwarded
 * client and scheme are the request's before any handler (security's Jetty customizer), and the
 * access log is Jetty's, so both are as on the servlet path.
 *
 * <p>The handler is {@linkplain Invocable.InvocationType#NON_BLOCKING non-blocking}: a known page is
 * answered from memory on the thread that read the request, with no thread started for it (the
 * servlet context behind is blocking, which made Jetty start a virtual thread for every request).
 * Every request it passes on is handed to the server's executor, a virtual thread of its own, as
 * Jetty itself did before. With an access log ({@code chatshare.access-log.enabled}), whose line per
 * request may wait for its output, the handler is blocking and Jetty runs every request on a thread
 * of its own as before.
 */
final class KnownPageHandler extends Handler.Wrapper {

    /** {@link #answersInline()}, once decided; null until then. */
    private volatile @Nullable Boolean inline;

    private static final HttpField VARY =
            new PreEncodedHttpField(HttpHeader.VARY, HttpHeader.ACCEPT_ENCODING.asString());
    /** The filter's content type as Jetty's servlet response writes it (it spells the charset in lower case). */
    private static final HttpField CONTENT_TYPE = contentType(SharePageFilter.HTML);

    /** The page's headers over http and over https: written by the same rule, encoded once. */
    private static final List<HttpField> HEADERS = securityHeaders(false);
    private static final List<HttpField> SECURE_HEADERS = securityHeaders(true);

    private final SharePages pages;
    private final ViewCounter views;
    private final String contextPath;
    private final Counter ok;
    private final Counter notModified;
    private final Counter answered;

    KnownPageHandler(Handler servlets, SharePages pages, ViewCounter views, MeterRegistry meters, String contextPath) {
        super(servlets);
        this.pages = pages;
        this.views = views;
        this.contextPath = contextPath;
        this.ok = SharePageFilter.requests(meters, 200);
        this.notModified = SharePageFilter.requests(meters, 304);
        this.answered = Counter.builder("chatshare.share.page.ahead")
                .description("Share page requests answered ahead of the servlet chain, from memory (also counted in "
                        + "chatshare.share.page.requests)")
                .register(meters);
    }

    @Override
    public InvocationType getInvocationType() {
        return answersInline() ? InvocationType.NON_BLOCKING : super.getInvocationType();
    }

    /**
     * Whether this handler runs on the thread that read the request: yes, unless a request log may
     * block it. Decided once, when first asked with the server known, as Jetty decides the
     * server's invocation type once at start: the two never disagree, whatever is configured later.
     */
    private boolean answersInline() {
        Boolean decided = inline;
        if (decided == null) {
            Server server = getServer();
            if (server == null) {
                return false;
            }
            decided = server.getRequestLog() == null;
            inline = decided;
        }
        return decided;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SharePages.KnownPage known = known(request);
        if (known == null) {
            return passOn(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        boolean gzip = SharePageFilter.acceptsGzip(headers.get(HttpHeader.ACCEPT_ENCODING));
        String etag = known.page().etag(gzip);
        SharePageRules.Revalidation revalidation =
                SharePageRules.Revalidation.of(headers.get(HttpHeader.IF_NONE_MATCH), etag);
        if (revalidation == SharePageRules.Revalidation.OTHER) {
            return passOn(request, response, callback);
        }
        answered.increment();
        HttpFields.Mutable out = response.getHeaders();
        // Added, not put: none of these is on a fresh response, and put looks for each by name first.
        // First, where Jetty's compression handler (server.compression) puts it on the servlet path.
        out.add(VARY);
        for (HttpField field : request.isSecure() ? SECURE_HEADERS : HEADERS) {
            out.add(field);
        }
        out.add(HttpHeader.ETAG, etag);
        if (revalidation == SharePageRules.Revalidation.SAME_TAG) {
            notModified.increment();
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return true;
        }
        views.viewed(known.head().shareId(), ClientAddress.of(request).orElse(null));
        ok.increment();
        if (gzip) {
            out.add(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        byte[] body = known.page().body(gzip);
        out.add(CONTENT_TYPE);
        out.add(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(HttpStatus.OK_200);
        // Jetty sends no body for HEAD, but counts it against Content-Length.
        response.write(true, ByteBuffer.wrap(body).asReadOnlyBuffer(), callback);
        return true;
    }

    /**
     * The servlet context blocks (it may wait for the database, read a request body, render): it runs
     * on a thread of the server's executor, as Jetty ran every request before this handler said it
     * does not block. Its answer, and a failure, end the request as they did when Jetty called it.
     */
    private boolean passOn(Request request, Response response, Callback callback) throws Exception {
        if (!answersInline()) {
            return super.handle(request, response, callback);
        }
        request.getComponents().getExecutor().execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                callback.failed(failure);
            }
        });
        return true;
    }

    private static List<HttpField> securityHeaders(boolean secure) {
        List<HttpField> fields = new ArrayList<>();
        SharePageRules.writeSecurityHeaders(secure, (name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        return List.copyOf(fields);
    }

    private static HttpField contentType(String contentType) {
        MimeTypes.Type known = MimeTypes.CACHE.get(contentType);
        return known != null ? known.getContentTypeField() : new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType);
    }

    /** The page to answer from memory, or null when the request is for the servlet path. */
    private SharePages.@Nullable KnownPage known(Request request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            return null;
        }
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (path == null || uri.getQuery() != null || request.getHeaders().contains(HttpHeader.COOKIE)) {
            return null;
        }
        String token = SharePageRules.segment(path, contextPath);
        // known() answers only a well-formed token: TOKEN.md and anything odd go the whole way.
        return token == null ? null : pages.known(token);
    }
}
