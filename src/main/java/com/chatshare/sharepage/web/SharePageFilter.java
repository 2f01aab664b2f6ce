package com.chatshare.sharepage.web;

import com.chatshare.base.FixedDates;
import com.chatshare.security.ClientAddress;
import com.chatshare.sharepage.internal.SharePages;
import com.chatshare.sharepage.internal.ViewCounter;
import com.chatshare.sharing.LinkHead;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The public, server-rendered page of a shared conversation ({@code GET /share/TOKEN}): readable
 * without JavaScript, the same bytes for every viewer, revalidated with an ETag on every request so
 * deletion and takedown act at once.
 *
 * <p>It is a servlet filter in front of Spring Security and Spring MVC rather than a controller:
 * the page needs neither (it is public, stateless and sets its own headers), and on the
 * benchmark machine the two cost seven out of eight requests' worth of CPU (BENCHMARKS.md). The
 * filter answers only {@code /share/ONE-SEGMENT}; the continue and report pages, the style sheet
 * and every other path go on through the normal chains.
 *
 * <p>{@code /share/TOKEN.md} is the same snapshot as a Markdown download ({@link SnapshotMarkdown}),
 * under the same rules: the same head lookup, headers, 404/410/503, ETag and 304. Only a lower-case
 * {@code .md} asks for it; any other ending makes the token malformed, so 404.
 */
class SharePageFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(SharePageFilter.class);

    static final String PATH_PREFIX = ShareToken.PATH_PREFIX;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String HTML = "text/html;charset=UTF-8";
    /** When a client that got a 503 (the database could not say) may ask again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final transient SharePages pages;
    private final transient ViewCounter views;
    private final transient SpringTemplateEngine templates;
    private final transient Clock clock;
    private final transient PreviewCards cards;
    private final byte[] notFound;
    private final byte[] gone;
    private final byte[] unavailable;
    private final transient Counter ok;
    private final transient Counter notModified;
    private final transient Counter missing;
    private final transient Counter takenDown;
    private final transient Counter failed;
    private final transient Counter refused;

    SharePageFilter(SharePages pages, ViewCounter views, SpringTemplateEngine templates, MeterRegistry meters,
            Clock clock, PreviewCards cards) {
        this.clock = clock;
        this.cards = cards;
        this.ok = requests(meters, 200);
        this.notModified = requests(meters, 304);
        this.missing = requests(meters, 404);
        this.takenDown = requests(meters, 410);
        this.failed = requests(meters, 503);
        this.refused = requests(meters, 405);
        this.pages = pages;
        this.views = views;
        this.templates = templates;
        this.notFound = notice("share/not-found");
        this.gone = notice("share/gone");
        this.unavailable = notice("share/unavailable");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String segment = segment(request);
        if (segment == null) {
            chain.doFilter(request, response);
            return;
        }
        writeSecurityHeaders(request, response);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            refuse(response);
        } else if (segment.endsWith(SnapshotMarkdown.SUFFIX)) {
            serveMarkdown(request, response, segment.substring(0, segment.length() - SnapshotMarkdown.SUFFIX.length()));
        } else {
            servePage(request, response, segment);
        }
    }

    /** {@code /share/TOKEN}: the page, counted as a view when its bytes are sent. */
    private void servePage(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException {
        Optional<LinkHead> head = servedHead(token, response);
        if (head.isEmpty()) {
            return;
        }
        Optional<SharePages.RenderedPage> page;
        try {
            page = pages.page(token, head.get(), snapshot -> render(token, snapshot));
        } catch (RuntimeException e) {
            unavailable(response, "Share page read failed: {}", e);
            return;
        }
        if (page.isEmpty()) {
            notFound(response);
            return;
        }
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        if (notModified(request, response, page.get(), gzip)) {
            return;
        }
        views.viewed(head.get().shareId(), ClientAddress.of(request).orElse(null));
        sendOk(response, HTML, page.get(), gzip);
    }

    /** {@code /share/TOKEN.md}: the Markdown download, under the page's rules; not a view. */
    private void serveMarkdown(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException {
        Optional<LinkHead> head = servedHead(token, response);
        if (head.isEmpty()) {
            return;
        }
        Optional<SharePages.MarkdownFile> file;
        try {
            file = pages.markdown(token, head.get(), SnapshotMarkdown::of);
        } catch (RuntimeException e) {
            unavailable(response, "Share page read failed: {}", e);
            return;
        }
        if (file.isEmpty()) {
            notFound(response);
            return;
        }
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        if (notModified(request, response, file.get().file(), gzip)) {
            return;
        }
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, SnapshotMarkdown.contentDisposition(file.get().title()));
        sendOk(response, SnapshotMarkdown.CONTENT_TYPE, file.get().file(), gzip);
    }

    /**
     * The head of a link this page serves now, or empty once the response has been answered: 503
     * when the database cannot say, 404 for an unknown token and for a link that is not public
     * (restricted or expired), 410 for a link taken down.
     */
    private Optional<LinkHead> servedHead(String token, HttpServletResponse response) throws IOException {
        Optional<LinkHead> head;
        try {
            head = pages.head(token);
        } catch (RuntimeException e) {
            // Without the database nobody can tell whether the link still exists: never guess.
            unavailable(response, "Share page lookup failed: {}", e);
            return Optional.empty();
        }
        switch (SharePages.answerFor(head, clock.instant())) {
            case NOT_FOUND -> {
                notFound(response);
                return Optional.empty();
            }
            case GONE -> {
                takenDown.increment();
                send(response, HttpServletResponse.SC_GONE, gone);
                return Optional.empty();
            }
            case PAGE -> {
                return head;
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Sets the ETag of the bytes to send (the compressed ones' for clients that take them, so caches
     * keep both apart) and answers 304 when If-None-Match matches it. A cache or browser
     * revalidating sends back exactly the ETag it was given: that is compared as it is, and only any
     * other form (a list, a weak tag, *) goes to Spring, which parses and compares the header in full.
     *
     * @return whether the response was answered 304
     */
    private boolean notModified(HttpServletRequest request, HttpServletResponse response,
            SharePages.RenderedPage page, boolean gzip) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        String etag = page.etag(gzip);
        SharePageRules.Revalidation revalidation =
                SharePageRules.Revalidation.of(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag);
        if (revalidation == SharePageRules.Revalidation.NONE) {
            response.setHeader(HttpHeaders.ETAG, etag);
            return false;
        }
        if (revalidation == SharePageRules.Revalidation.SAME_TAG) {
            notModified.increment();
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            notModified.increment();
            return true;
        }
        return false;
    }

    private void sendOk(HttpServletResponse response, String contentType, SharePages.RenderedPage page, boolean gzip)
            throws IOException {
        ok.increment();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        send(response, HttpServletResponse.SC_OK, contentType, page.body(gzip));
    }

    /** Answered here, not with sendError: an empty 405 with Allow, without the app's error page. */
    private void refuse(HttpServletResponse response) {
        refused.increment();
        response.setHeader("Allow", "GET, HEAD");
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setContentLength(0);
    }

    private void notFound(HttpServletResponse response) throws IOException {
        missing.increment();
        send(response, HttpServletResponse.SC_NOT_FOUND, notFound);
    }

    /** 503 with the plain notice and {@link #RETRY_AFTER}; the log gets one line, never a stack trace. */
    private void unavailable(HttpServletResponse response, String logMessage, RuntimeException e) throws IOException {
        log.warn(logMessage, e.toString());
        failed.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, unavailable);
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip (named, or by {@code *}, and not with {@code q=0}). */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        if (acceptEncoding.indexOf(';') < 0) {
            // What browsers send ("gzip, deflate, br, zstd"): no weights, so any gzip or * accepts.
            return hasCoding(acceptEncoding, "gzip") || hasCoding(acceptEncoding, "x-gzip")
                    || hasCoding(acceptEncoding, "*");
        }
        boolean star = false;
        for (String part : acceptEncoding.split(",")) {
            int semicolon = part.indexOf(';');
            String coding = (semicolon < 0 ? part : part.substring(0, semicolon)).trim();
            boolean refused = semicolon >= 0 && isZeroQuality(part.substring(semicolon + 1));
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                return !refused;
            }
            if (coding.equals("*")) {
                star = !refused;
            }
        }
        return star;
    }

    /** Whether a comma-separated list without parameters names the coding (any case, any spaces). */
    private static boolean hasCoding(String list, String coding) {
        int from = 0;
        while (from <= list.length()) {
            int comma = list.indexOf(',', from);
            int end = comma < 0 ? list.length() : comma;
            int start = from;
            while (start < end && list.charAt(start) <= ' ') {
                start++;
            }
            int stop = end;
            while (stop > start && list.charAt(stop - 1) <= ' ') {
                stop--;
            }
            if (stop - start == coding.length() && list.regionMatches(true, start, coding, 0, coding.length())) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            from = comma + 1;
        }
        return false;
    }

    private static boolean isZeroQuality(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.trim();
            if (p.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(p.substring(2).trim()) == 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The page's requests by status (the same counter for every caller: the handler ahead of the servlets counts here too). */
    static Counter requests(MeterRegistry meters, int status) {
        return Counter.builder("chatshare.share.page.requests").description("Public share page requests by status")
                .tag("status", Integer.toString(status)).register(meters);
    }

    /** The last segment of a {@code /share/SEGMENT} request (a token or {@code TOKEN.md}, well-formed or not), or null for other paths. */
    private static @Nullable String segment(HttpServletRequest request) {
        return SharePageRules.segment(request.getRequestURI(), request.getContextPath());
    }

    private static void writeSecurityHeaders(HttpServletRequest request, HttpServletResponse response) {
        SharePageRules.writeSecurityHeaders(request.isSecure(), response::setHeader);
    }

    private static void send(HttpServletResponse response, int status, byte[] html) throws IOException {
        send(response, status, HTML, html);
    }

    /** Answers with these bytes, whole (the page's and the preview card's answers). */
    static void send(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The page of a snapshot as a request would get it (HTML, gzip, ETags), for the warm-up: no
     * lookup, no view, no cache, no response.
     */
    SharePages.RenderedPage renderForWarmUp(PublicSnapshot snapshot) {
        return SharePages.RenderedPage.of(render("warm-up", snapshot).getBytes(StandardCharsets.UTF_8));
    }

    private String render(String token, PublicSnapshot snapshot) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("snapshot", snapshot);
        context.setVariable("continueUrl", PATH_PREFIX + token + "/continue");
        context.setVariable("reportUrl", PATH_PREFIX + token + "/report");
        context.setVariable("markdownUrl", PATH_PREFIX + token + SnapshotMarkdown.SUFFIX);
        context.setVariable("sharedOn", FixedDates.DAY.format(snapshot.sharedAt()));
        context.setVariable("updatedOn", snapshot.version() > 1 ? FixedDates.DAY.format(snapshot.updatedAt()) : null);
        context.setVariable("card", cards.tags(token, snapshot));
        return templates.process("share/page", context);
    }

    /** The bytes of the page's 404 and 503 answers, for the preview card's picture ({@link PreviewCardFilter}). */
    byte[] notFoundBytes() {
        return notFound.clone();
    }

    byte[] unavailableBytes() {
        return unavailable.clone();
    }

    private byte[] notice(String template) {
        return templates.process(template, new Context(Locale.ENGLISH)).getBytes(StandardCharsets.UTF_8);
    }
}
