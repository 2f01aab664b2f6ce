package com.chatshare.sharepage.web;

import com.chatshare.sharepage.internal.SharePages;
import com.chatshare.sharing.LinkHead;
import com.chatshare.sharing.ShareToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.awt.AWTError;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The picture of a link's preview card, {@code GET /share/TOKEN/card.png} (decision 0027): public,
 * stateless, with the page's headers ({@code Cache-Control: no-cache} and an ETag, so every use is
 * revalidated and a deletion acts at once). It answers under the page's rules, looked up the same
 * way ({@link SharePages#head}, {@link SharePages#answerFor}): only a link whose page is served now
 * and carries a card has a picture; every other token, a taken-down link included, gets the page's
 * 404 (the same bytes). Like the page it runs before Spring Security; {@link KnownPageHandler}
 * passes this path on.
 */
class PreviewCardFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(PreviewCardFilter.class);

    private final transient SharePages pages;
    private final transient PreviewCards cards;
    private final transient Clock clock;
    private final byte[] notFound;
    private final byte[] unavailable;

    PreviewCardFilter(SharePages pages, PreviewCards cards, Clock clock, byte[] notFound, byte[] unavailable) {
        this.pages = pages;
        this.cards = cards;
        this.clock = clock;
        this.notFound = notFound;
        this.unavailable = unavailable;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = token(request.getRequestURI(), request.getContextPath());
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        SharePageRules.writeSecurityHeaders(request.isSecure(), response::setHeader);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setContentLength(0);
            return;
        }
        Optional<SharePages.CardImage> image;
        try {
            Optional<LinkHead> head = pages.head(token);
            image = SharePages.answerFor(head, clock.instant()) == SharePages.Answer.PAGE
                    ? pages.cardImage(token, head.get(), cards::draw)
                    : Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Preview card read failed: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(SharePageFilter.RETRY_AFTER.toSeconds()));
            SharePageFilter.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, SharePageFilter.HTML, unavailable);
            return;
        } catch (LinkageError | AWTError | InternalError e) {
            // No fonts or no native drawing on this machine (a JRE without fontconfig): no picture,
            // as for a link without a card, rather than a server error on every request.
            log.warn("Preview card could not be drawn: {}", e.toString());
            image = Optional.empty();
        }
        if (image.isEmpty()) {
            SharePageFilter.send(response, HttpServletResponse.SC_NOT_FOUND, SharePageFilter.HTML, notFound);
            return;
        }
        String etag = image.get().etag();
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        SharePageFilter.send(response, HttpServletResponse.SC_OK, PreviewCards.IMAGE_TYPE, image.get().png());
    }

    /**
     * The token of a raw request path {@code CONTEXT/share/TOKEN/card.png} (well-formed or not), or
     * null for any other path.
     */
    static @Nullable String token(String rawPath, String contextPath) {
        String prefix = contextPath + ShareToken.PATH_PREFIX;
        if (!rawPath.startsWith(prefix) || !rawPath.endsWith(PreviewCards.IMAGE_SUFFIX)) {
            return null;
        }
        int end = rawPath.length() - PreviewCards.IMAGE_SUFFIX.length();
        if (end <= prefix.length() || rawPath.indexOf('/', prefix.length()) != end) {
            return null;
        }
        return rawPath.substring(prefix.length(), end);
    }
}
