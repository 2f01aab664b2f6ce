package com.chatshare.sharepage.internal;

import com.chatshare.sharing.LinkHead;
import com.chatshare.sharing.PublicLinks;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.SnapshotSource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads for the public page. Whether a link is still there and at which version is answered from
 * this node's memory when the revocation feed vouches for it ({@link KnownHeads}: a deletion or
 * takedown acts on the next request on the node that made it and within about 100 ms on every
 * other node), else by the database through sharing's {@link PublicLinks}, where the lookups of
 * concurrent requests share one query ({@link CoalescedLookups}). The rendered page of a version
 * is cached, since a version never changes, both as it is and gzip-compressed.
 */
@Component
public class SharePages implements DisposableBean {

    /** The most tokens one head query asks for (bounds the statement's size). */
    static final int MAX_TOKENS_PER_QUERY = 256;
    /** A page waits at most this long for the database, then answers 503 (with the pool's default it waited 30 s). */
    static final Duration LOOKUP_TIMEOUT = PublicLinks.LOOKUP_TIMEOUT;
    /** Requests waiting for a lookup beyond this many are answered 503 at once: no unbounded queue. */
    static final int MAX_WAITING_LOOKUPS = 4_096;
    /** The most bytes of rendered pages kept (plain and gzip-compressed together). */
    static final long PAGE_CACHE_BYTES = 64L * 1024 * 1024;
    /** The most bytes of Markdown downloads kept (plain and gzip-compressed together). */
    static final long MARKDOWN_CACHE_BYTES = 16L * 1024 * 1024;
    /** The most bytes of preview card images kept (decision 0027; some tens of KB each). */
    static final long CARD_CACHE_BYTES = 16L * 1024 * 1024;
    /** A rendered page or download not asked for this long is dropped. */
    static final Duration CACHE_IDLE = Duration.ofHours(1);

    private final PublicLinks links;
    private final CoalescedLookups<String, LinkHead> heads;
    private final KnownHeads known;
    private final Clock clock;
    private final Timer lookups;
    private final Cache<PageKey, RenderedPage> rendered = Caffeine.newBuilder()
            // Every read of a popular page is recorded for eviction; the bookkeeping runs on the
            // reading thread instead of waking a common-pool thread for it (4% of the page's CPU).
            .executor(Runnable::run)
            .maximumWeight(PAGE_CACHE_BYTES)
            .<PageKey, RenderedPage>weigher((key, page) -> page.html().length + page.gzipped().length)
            .recordStats()
            .expireAfterAccess(CACHE_IDLE)
            .build();

    /** Markdown downloads of a version, kept apart from the pages: fewer, and a page's entry never waits for one. */
    private final Cache<PageKey, MarkdownFile> markdownFiles = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(MARKDOWN_CACHE_BYTES)
            .<PageKey, MarkdownFile>weigher((key, file) -> file.file().html().length + file.file().gzipped().length)
            .expireAfterAccess(CACHE_IDLE)
            .build();

    /** The preview card images of versions that carry a card, drawn once per version. */
    private final Cache<PageKey, CardImage> cardImages = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(CARD_CACHE_BYTES)
            .<PageKey, CardImage>weigher((key, image) -> image.png().length)
            .expireAfterAccess(CACHE_IDLE)
            .build();

    SharePages(PublicLinks links, KnownHeads known, Clock clock, MeterRegistry meters) {
        this.links = links;
        this.clock = clock;
        this.heads = new CoalescedLookups<>("share-head-lookups", links::heads, MAX_TOKENS_PER_QUERY,
                LOOKUP_TIMEOUT, MAX_WAITING_LOOKUPS);
        this.known = known;
        this.lookups = Timer.builder("chatshare.share.lookup")
                .description("A share page's wait for the database to say whether its link is there (not counting answers from memory)")
                .publishPercentileHistogram()
                .register(meters);
        CaffeineCacheMetrics.monitor(meters, rendered, "share.pages");
    }

    /**
     * The link's state, or empty for unknown, malformed, deleted and disabled-owner tokens alike.
     *
     * <p>Only the heads of links the public page serves now (for anyone, not expired; active or
     * taken down) are answered from memory. A link for signed-in users or specific people, or past
     * its expiry, is looked up in the database on every request, exactly as an unknown token is:
     * remembered, it answered its 404 faster than an unknown token's (1.2 ms against 1.9 ms), which
     * told that it exists (issue 22, item 6).
     */
    public Optional<LinkHead> head(String token) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        LinkHead remembered = known.get(token);
        if (remembered != null) {
            if (remembered.isPublicAt(clock.instant())) {
                return Optional.of(remembered);
            }
            // Expired since it was remembered: from now on it costs what an unknown token costs.
            known.forget(token);
        }
        long asked = System.nanoTime();
        Optional<LinkHead> found;
        try {
            found = heads.get(token);
        } finally {
            lookups.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
        }
        found.filter(head -> head.isPublicAt(clock.instant())).ifPresent(head -> known.remember(token, head, asked));
        return found;
    }

    /** What the public page answers for a link's head: its page, 404, or 410. */
    public enum Answer {
        /** The page (200, or 304 on a matching revalidation). */
        PAGE,
        /**
         * 404, exactly the answer of an unknown token: a link for a narrower audience, or past its
         * expiry, is not this page's to show, taken down or not, so the page tells nobody it exists.
         */
        NOT_FOUND,
        /** 410: taken down by moderation. */
        GONE
    }

    /** The one rule of what the page answers for a head (empty: an unknown token); used on every path that serves the page. */
    public static Answer answerFor(Optional<LinkHead> head, Instant now) {
        if (head.isEmpty() || !head.get().isPublicAt(now)) {
            return Answer.NOT_FOUND;
        }
        return head.get().status() == ShareStatus.TAKEN_DOWN ? Answer.GONE : Answer.PAGE;
    }

    /** A page this node may send from memory alone, and the head it was rendered for. */
    public record KnownPage(LinkHead head, RenderedPage page) {
    }

    /**
     * The page of a link that this node can answer without asking anyone: its head is remembered and
     * vouched for by the revocation feed ({@link KnownHeads#get}), {@link #answerFor} says
     * {@link Answer#PAGE}, and the page of that version is already rendered. Null otherwise (also for
     * a malformed token), and then the request must go the whole way ({@link #head}, {@link #page}),
     * which gives every other answer. Never touches the database and renders nothing.
     */
    public @Nullable KnownPage known(String token) {
        if (!ShareToken.isWellFormed(token)) {
            return null;
        }
        LinkHead head = known.get(token);
        if (head == null || answerFor(Optional.of(head), clock.instant()) != Answer.PAGE) {
            return null;
        }
        RenderedPage page = rendered.getIfPresent(PageKey.of(head));
        return page == null ? null : new KnownPage(head, page);
    }

    /**
     * A snapshot version of a link, with or without its preview card: what a rendered page is
     * cached under. The card is part of the key because the policy turns cards off without a new
     * version (decision 0027): the page's bytes, and so its ETag, differ with the card.
     */
    private record PageKey(long shareId, int version, boolean previewCard) {

        // Written out: the record's generated ones go through method handles, 2% of a 304's CPU
        // in a profile (every known page is looked up by this key).
        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof PageKey key
                    && key.shareId == shareId && key.version == version && key.previewCard == previewCard;
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(shareId) * 31 + version) * 2 + (previewCard ? 1 : 0);
        }

        static PageKey of(LinkHead head) {
            return new PageKey(head.shareId(), head.version(), head.previewCard());
        }

        static PageKey of(PublicSnapshot snapshot) {
            return new PageKey(snapshot.shareId(), snapshot.version(), snapshot.previewCard());
        }
    }

    /**
     * A page as sent: the UTF-8 bytes of its HTML (kept encoded, so serving it copies bytes and
     * converts nothing) and its entity tag (a digest of the bytes, so a new version or a new
     * template is a new tag); and the same bytes gzip-compressed once, with their own tag, for the
     * clients that accept it (every browser).
     */
    public record RenderedPage(byte[] html, String etag, byte[] gzipped, String gzippedEtag) {

        public static RenderedPage of(byte[] html) {
            try {
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html), 0, 12);
                return new RenderedPage(html, "\"" + digest + "\"", gzip(html), "\"" + digest + "-gz\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The bytes to send: gzip-compressed for a client that accepts them. */
        public byte[] body(boolean gzip) {
            return gzip ? gzipped : html;
        }

        /** The entity tag of {@link #body}: the compressed bytes have their own, so caches keep both apart. */
        public String etag(boolean gzip) {
            return gzip ? gzippedEtag : etag;
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    /**
     * The rendered page of the link's current version, rendered once per version. Empty if the
     * link went away since {@link #head}.
     */
    public Optional<RenderedPage> page(String token, LinkHead head, Function<PublicSnapshot, String> render) {
        RenderedPage cached = rendered.getIfPresent(PageKey.of(head));
        if (cached != null) {
            return Optional.of(cached);
        }
        return links.snapshot(token).map(snapshot -> {
            RenderedPage page = RenderedPage.of(render.apply(snapshot).getBytes(StandardCharsets.UTF_8));
            // An update between head() and snapshot() must not file the new page under the old version.
            rendered.put(PageKey.of(snapshot), page);
            return page;
        });
    }

    /** A preview card's image as sent: PNG bytes and their entity tag (a digest, like a page's). */
    public record CardImage(byte[] png, String etag) {

        public static CardImage of(byte[] png) {
            try {
                return new CardImage(png, "\"" + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(png), 0, 12) + "-card\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The preview card image of the link's current version, drawn once per version (decision 0027).
     * Empty when the head has no card, or the link went away or lost its card since {@link #head}.
     */
    public Optional<CardImage> cardImage(String token, LinkHead head, Function<PublicSnapshot, byte[]> draw) {
        if (!head.previewCard()) {
            return Optional.empty();
        }
        CardImage cached = cardImages.getIfPresent(PageKey.of(head));
        if (cached != null) {
            return Optional.of(cached);
        }
        return links.snapshot(token).filter(PublicSnapshot::previewCard).map(snapshot -> {
            CardImage image = CardImage.of(draw.apply(snapshot));
            cardImages.put(PageKey.of(snapshot), image);
            return image;
        });
    }

    /** The Markdown download of a version: the bytes as sent (in {@link RenderedPage}'s form) and the title it is named after. */
    public record MarkdownFile(RenderedPage file, String title) {
    }

    /**
     * The Markdown download of the link's current version, written once per version; empty if the
     * link went away since {@link #head}. Same rules as {@link #page}.
     */
    public Optional<MarkdownFile> markdown(String token, LinkHead head, Function<SnapshotSource, String> write) {
        MarkdownFile cached = markdownFiles.getIfPresent(new PageKey(head.shareId(), head.version(), false));
        if (cached != null) {
            return Optional.of(cached);
        }
        return links.source(token).map(source -> {
            MarkdownFile file = new MarkdownFile(
                    RenderedPage.of(write.apply(source).getBytes(StandardCharsets.UTF_8)), source.title());
            markdownFiles.put(new PageKey(source.shareId(), source.version(), false), file);
            return file;
        });
    }

    @Override
    public void destroy() {
        heads.close();
    }
}
