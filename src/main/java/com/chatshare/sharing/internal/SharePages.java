package com.chatshare.sharing.internal;

import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.SnapshotMessage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads for the public page. Every request asks the database whether the link is still there
 * and at which version (one indexed lookup), so deletion and takedown act on the next request on
 * every node; the rendered page of a version is cached, since a version never changes.
 */
@Component
public class SharePages {

    /** The state of a token: missing (404), gone (410), or active at a snapshot version. */
    public record Head(long shareId, ShareStatus status, int version) {
    }

    private final JdbcTemplate jdbc;
    private final ShareLinkRepository links;
    private final SnapshotMessageRepository snapshots;
    private final MarkdownRenderer markdown;
    private final TransactionTemplate transactions;
    private final Cache<String, byte[]> rendered = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .<String, byte[]>weigher((key, page) -> page.length)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    SharePages(JdbcTemplate jdbc, ShareLinkRepository links, SnapshotMessageRepository snapshots,
            MarkdownRenderer markdown, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.links = links;
        this.snapshots = snapshots;
        this.markdown = markdown;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    /** The link's state, or empty for unknown, malformed, deleted and disabled-owner tokens alike. */
    public Optional<Head> head(String token) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.query("select s.id, s.status, s.snapshot_version from share_link s "
                        + "join app_user u on u.id = s.owner_id where s.token = ? and u.enabled",
                rs -> rs.next()
                        ? Optional.of(new Head(rs.getLong(1), ShareStatus.valueOf(rs.getString(2)), rs.getInt(3)))
                        : Optional.<Head>empty(),
                token);
    }

    /** The snapshot of an active link, read in one transaction: never half of an update. */
    public Optional<PublicSnapshot> snapshot(String token) {
        return transactions.execute(status -> readSnapshot(token));
    }

    private Optional<PublicSnapshot> readSnapshot(String token) {
        return links.findByToken(token)
                .filter(link -> link.getStatus() == ShareStatus.ACTIVE)
                .map(link -> new PublicSnapshot(link.getId(), MarkdownRenderer.plainText(link.getTitle()),
                        MarkdownRenderer.plainText(link.getSharedByName()), link.getCreatedAt(), link.getUpdatedAt(),
                        link.getSnapshotVersion(),
                        snapshots.findByShareLinkIdOrderByPosition(link.getId()).stream()
                                .map(m -> new SnapshotMessage(m.getRole(), markdown.toHtml(m.getContent())))
                                .toList()));
    }

    /**
     * A page as sent: the UTF-8 bytes of its HTML (kept encoded, so serving it copies bytes and
     * converts nothing) and the snapshot version it shows, for the ETag.
     */
    public record RenderedPage(byte[] html, int version) {
    }

    /**
     * The rendered page of the link's current version, rendered once per version. Empty if the
     * link went away since {@link #head}.
     */
    public Optional<RenderedPage> page(String token, Head head, Function<PublicSnapshot, String> render) {
        String key = head.shareId() + ":" + head.version();
        byte[] cached = rendered.getIfPresent(key);
        if (cached != null) {
            return Optional.of(new RenderedPage(cached, head.version()));
        }
        return snapshot(token).map(snapshot -> {
            byte[] html = render.apply(snapshot).getBytes(StandardCharsets.UTF_8);
            // An update between head() and snapshot() must not file the new page under the old version.
            rendered.put(snapshot.shareId() + ":" + snapshot.version(), html);
            return new RenderedPage(html, snapshot.version());
        });
    }
}
