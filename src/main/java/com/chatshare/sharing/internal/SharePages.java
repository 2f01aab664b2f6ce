package com.chatshare.sharing.internal;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.SnapshotMessage;
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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads for the public page. Whether a link is still there and at which version is answered from
 * this node's memory when the revocation feed vouches for it ({@link KnownHeads}: a deletion or
 * takedown acts on the next request on the node that made it and within about 100 ms on every
 * other node), else by the database, where the lookups of concurrent requests share one query
 * ({@link CoalescedLookups}). The rendered page of a version is cached, since a version never
 * changes, both as it is and gzip-compressed.
 */
@Component
public class SharePages implements DisposableBean {

    private static final int MAX_TOKENS_PER_QUERY = 256;
    /** A page waits at most this long for the database, then answers 503 (with the pool's default it waited 30 s). */
    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(4);
    /** Requests waiting for a lookup beyond this many are answered 503 at once: no unbounded queue. */
    static final int MAX_WAITING_LOOKUPS = 4_096;

    /**
     * The state of a token: missing (404), gone (410), or active at a snapshot version; with who
     * can open it and until when, which the public page checks on every request (an expiry needs
     * no revocation: it is compared with the clock each time).
     */
    public record Head(long shareId, ShareStatus status, int version, ShareAudience audience, Instant expiresAt) {

        public boolean isExpiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }

        /** Whether the public page serves it at {@code now} (as a page or as taken down): anyone, not expired. */
        public boolean isPublicAt(Instant now) {
            return audience == ShareAudience.ANYONE && !isExpiredAt(now);
        }
    }

    private final JdbcTemplate headJdbc;
    private final ShareLinkRepository links;
    private final SnapshotMessageRepository snapshots;
    private final MarkdownRenderer markdown;
    private final TransactionTemplate transactions;
    private final CoalescedLookups<String, Head> heads;
    private final KnownHeads known;
    private final LinkMembers members;
    private final Clock clock;
    private final Timer lookups;
    private final Cache<PageKey, RenderedPage> rendered = Caffeine.newBuilder()
            // Every read of a popular page is recorded for eviction; the bookkeeping runs on the
            // reading thread instead of waking a common-pool thread for it (4% of the page's CPU).
            .executor(Runnable::run)
            .maximumWeight(64L * 1024 * 1024)
            .<PageKey, RenderedPage>weigher((key, page) -> page.html().length + page.gzipped().length)
            .recordStats()
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    /** Markdown downloads of a version, kept apart from the pages: fewer, and a page's entry never waits for one. */
    private final Cache<PageKey, MarkdownFile> markdownFiles = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(16L * 1024 * 1024)
            .<PageKey, MarkdownFile>weigher((key, file) -> file.file().html().length + file.file().gzipped().length)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    SharePages(JdbcTemplate jdbc, ShareLinkRepository links, SnapshotMessageRepository snapshots,
            MarkdownRenderer markdown, PlatformTransactionManager transactionManager, KnownHeads known,
            LinkMembers members, Clock clock, MeterRegistry meters) {
        this.members = members;
        this.clock = clock;
        // The worker's query gives up too, so it is free again soon after the database answers again.
        this.headJdbc = new JdbcTemplate(jdbc.getDataSource());
        this.headJdbc.setQueryTimeout((int) LOOKUP_TIMEOUT.toSeconds());
        this.links = links;
        this.snapshots = snapshots;
        this.markdown = markdown;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.heads = new CoalescedLookups<>("share-head-lookups", this::readHeads, MAX_TOKENS_PER_QUERY,
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
    public Optional<Head> head(String token) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        Head remembered = known.get(token);
        if (remembered != null) {
            if (remembered.isPublicAt(clock.instant())) {
                return Optional.of(remembered);
            }
            // Expired since it was remembered: from now on it costs what an unknown token costs.
            known.forget(token);
        }
        long asked = System.nanoTime();
        Optional<Head> found;
        try {
            found = heads.get(token);
        } finally {
            lookups.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
        }
        found.filter(head -> head.isPublicAt(clock.instant())).ifPresent(head -> known.remember(token, head, asked));
        return found;
    }

    private Map<String, Head> readHeads(Set<String> tokens) {
        Map<String, Head> found = new HashMap<>();
        headJdbc.query("select s.token, s.id, s.status, s.snapshot_version, s.audience, s.expires_at from share_link s "
                        + "where s.owner_active and s.removed_by_owner_at is null and s.token in ("
                        + String.join(",", Collections.nCopies(tokens.size(), "?")) + ")",
                (RowCallbackHandler) rs -> {
                    Timestamp expires = rs.getTimestamp(6);
                    found.put(rs.getString(1), new Head(rs.getLong(2), ShareStatus.valueOf(rs.getString(3)),
                            rs.getInt(4), ShareAudience.valueOf(rs.getString(5)),
                            expires == null ? null : expires.toInstant()));
                },
                tokens.toArray());
        return found;
    }

    /** A link anyone may read: its id and its title as stored. */
    public record PublicHead(long shareId, String title) {
    }

    /** The id and title of a link anyone may read, in the caller's transaction; empty for every other token. */
    public Optional<PublicHead> snapshotHead(String token) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return links.findByToken(token).filter(this::isPublic)
                .map(link -> new PublicHead(link.getId(), link.getTitle()));
    }

    /**
     * The id and title of a link this account may open now, whatever its audience (as
     * {@link #snapshotFor} decides), in the caller's transaction; empty for every other token.
     */
    public Optional<PublicHead> readableHead(String token, long accountId) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return links.findByToken(token).filter(link -> isAvailable(link) && mayOpen(link, accountId))
                .map(link -> new PublicHead(link.getId(), link.getTitle()));
    }

    /** The snapshot of an active link, read in one transaction: never half of an update. */
    public Optional<PublicSnapshot> snapshot(String token) {
        return transactions.execute(status -> readSnapshot(token));
    }

    /**
     * The snapshot of a link an account may open, read in one transaction: available (as for
     * {@link #isAvailable}) and for anyone, for any signed-in account, or listing this account, or
     * the account's own. Empty for every other token, as for an unknown one.
     */
    public Optional<PublicSnapshot> snapshotFor(String token, long accountId) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return transactions.execute(status -> links.findByToken(token)
                .filter(link -> isAvailable(link) && mayOpen(link, accountId))
                .map(this::toSnapshot));
    }

    /** Whether an account may open a link, whatever its state: its owner, and its audience. */
    public boolean mayOpen(ShareLink link, long accountId) {
        return switch (link.getAudience()) {
            case ANYONE, SIGNED_IN -> true;
            case PEOPLE -> link.getOwnerId() == accountId || members.isMember(link.getId(), accountId);
        };
    }

    private Optional<PublicSnapshot> readSnapshot(String token) {
        return links.findByToken(token)
                .filter(this::isPublic)
                .map(this::toSnapshot);
    }

    private PublicSnapshot toSnapshot(ShareLink link) {
        return new PublicSnapshot(link.getId(), MarkdownRenderer.plainText(link.getTitle()),
                        MarkdownRenderer.plainText(link.getSharedByName()), link.getCreatedAt(), link.getUpdatedAt(),
                        link.getSnapshotVersion(),
                        snapshots.findByShareLinkIdOrderByPosition(link.getId()).stream()
                                .map(m -> new SnapshotMessage(m.getRole(), markdown.messageHtml(m.getContent(), m.getRole() == MessageRole.USER), m.getOmittedBefore()))
                                .toList());
    }

    /**
     * Active, its owner's account enabled, not deleted by its owner and not expired: what its
     * audience may read.
     */
    public boolean isAvailable(ShareLink link) {
        return link.getStatus() == ShareStatus.ACTIVE && link.isOwnerActive() && link.getRemovedByOwnerAt() == null
                && !link.isExpiredAt(clock.instant());
    }

    /** Available and for anyone: what anyone with the link may read on the public page. */
    boolean isPublic(ShareLink link) {
        return isAvailable(link) && link.getAudience() == ShareAudience.ANYONE;
    }


    /** A snapshot version of a link: what a rendered page is cached under. */
    private record PageKey(long shareId, int version) {
    }

    /**
     * A page as sent: the UTF-8 bytes of its HTML (kept encoded, so serving it copies bytes and
     * converts nothing) and its entity tag (a digest of the bytes, so a new version or a new
     * template is a new tag); and the same bytes gzip-compressed once, with their own tag, for the
     * clients that accept it (every browser).
     */
    public record RenderedPage(byte[] html, String etag, byte[] gzipped, String gzippedEtag) {

        static RenderedPage of(byte[] html) {
            try {
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html), 0, 12);
                return new RenderedPage(html, "\"" + digest + "\"", gzip(html), "\"" + digest + "-gz\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
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
    public Optional<RenderedPage> page(String token, Head head, Function<PublicSnapshot, String> render) {
        RenderedPage cached = rendered.getIfPresent(new PageKey(head.shareId(), head.version()));
        if (cached != null) {
            return Optional.of(cached);
        }
        return snapshot(token).map(snapshot -> {
            RenderedPage page = RenderedPage.of(render.apply(snapshot).getBytes(StandardCharsets.UTF_8));
            // An update between head() and snapshot() must not file the new page under the old version.
            rendered.put(new PageKey(snapshot.shareId(), snapshot.version()), page);
            return page;
        });
    }

    /**
     * A snapshot as its owner's words were stored, for the Markdown download: the title and name as
     * text (bidirectional overrides removed, as on the page), each message's Markdown source, not
     * rendered.
     */
    public record SnapshotSource(long shareId, String title, String sharedBy, Instant sharedAt, Instant updatedAt,
            int version, List<SourceMessage> messages) {

        public boolean isAnonymous() {
            return sharedBy == null || sharedBy.isBlank();
        }
    }

    /**
     * One message of a {@link SnapshotSource}: its role and its Markdown as stored, and how many
     * messages the owner left out just before it.
     */
    public record SourceMessage(MessageRole role, String markdown, int omittedBefore) {

        public SourceMessage(MessageRole role, String markdown) {
            this(role, markdown, 0);
        }
    }

    /** The Markdown download of a version: the bytes as sent (in {@link RenderedPage}'s form) and the title it is named after. */
    public record MarkdownFile(RenderedPage file, String title) {
    }

    /**
     * The Markdown download of the link's current version, written once per version; empty if the
     * link went away since {@link #head}. Same rules as {@link #page}.
     */
    public Optional<MarkdownFile> markdown(String token, Head head, Function<SnapshotSource, String> write) {
        MarkdownFile cached = markdownFiles.getIfPresent(new PageKey(head.shareId(), head.version()));
        if (cached != null) {
            return Optional.of(cached);
        }
        return transactions.execute(status -> readSource(token)).map(source -> {
            MarkdownFile file = new MarkdownFile(
                    RenderedPage.of(write.apply(source).getBytes(StandardCharsets.UTF_8)), source.title());
            markdownFiles.put(new PageKey(source.shareId(), source.version()), file);
            return file;
        });
    }

    private Optional<SnapshotSource> readSource(String token) {
        return links.findByToken(token)
                .filter(link -> isPublic(link))
                .map(link -> new SnapshotSource(link.getId(), MarkdownRenderer.plainText(link.getTitle()),
                        MarkdownRenderer.plainText(link.getSharedByName()), link.getCreatedAt(), link.getUpdatedAt(),
                        link.getSnapshotVersion(),
                        snapshots.findByShareLinkIdOrderByPosition(link.getId()).stream()
                                .map(m -> new SourceMessage(m.getRole(), MarkdownRenderer.plainText(m.getContent()),
                                        m.getOmittedBefore()))
                                .toList()));
    }

    @Override
    public void destroy() {
        heads.close();
    }
}
