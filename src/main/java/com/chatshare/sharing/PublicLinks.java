package com.chatshare.sharing;

import com.chatshare.sharing.internal.PublicHeads;
import com.chatshare.sharing.internal.ReadableLinks;
import com.chatshare.sharing.internal.RevocationFeed;
import com.chatshare.sharing.internal.ShareLinkRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing's API for the public page ({@code /share/TOKEN} and its Markdown download), which
 * anyone may call with a token: the heads of links, what a link for anyone shows, the revocation
 * feed as its readers see it, and the page's view counts. Every read answers only for links the
 * public page may serve; every other token gets what an unknown one gets.
 *
 * <p>How a reader keeps a memory of heads correct with the feed is in
 * docs/decisions/0011-revocation-feed.md: read by id ({@link #readRevocations}), re-read the ids
 * not seen yet below the highest one read for {@link #GAP_TIMEOUT}, forget everything on a row
 * for which {@link Revocation#forgetsEverything()} holds, and listen to {@link LinksRevoked}.
 */
@Component
public class PublicLinks {

    /** A head lookup gives up after this long (the page then answers 503; the pool's default waited 30 s). */
    public static final Duration LOOKUP_TIMEOUT = PublicHeads.TIMEOUT;
    /** How long a reader of the feed re-reads an id it has not seen while it saw a higher one. */
    public static final Duration GAP_TIMEOUT = RevocationFeed.GAP_TIMEOUT;
    /** A revocation committed this long after its feed rows were written makes every node forget everything. */
    public static final Duration LATE_COMMIT = RevocationFeed.LATE_COMMIT;

    /**
     * A row of the revocation feed: a token that some node's change may have made a remembered
     * answer wrong for, or every token.
     *
     * @param revokedAt when the row was written, by the database's clock
     * @param readAt when it was read, by the database's clock (so {@code readAt - revokedAt} is the lag)
     */
    public record Revocation(long id, String token, Instant revokedAt, Instant readAt) {

        /** Whether this row makes every node forget everything it remembers, not one token. */
        public boolean forgetsEverything() {
            return RevocationFeed.EVERY_TOKEN.equals(token);
        }
    }

    /** Feed ids {@code from..to}, both included, that a reader has not seen yet. */
    public record IdRange(long from, long to) {
    }

    private final PublicHeads heads;
    private final ReadableLinks readable;
    private final RevocationFeed feed;
    private final ShareLinkRepository links;

    PublicLinks(PublicHeads heads, ReadableLinks readable, RevocationFeed feed, ShareLinkRepository links) {
        this.heads = heads;
        this.readable = readable;
        this.feed = feed;
        this.links = links;
    }

    /**
     * The heads of the links with these tokens that answer at all (owner's account enabled, not
     * removed by the owner; active or taken down, any audience, expired or not), in one statement
     * outside any transaction that gives up after {@link #LOOKUP_TIMEOUT}. Tokens without a head
     * are left out.
     */
    public Map<String, LinkHead> heads(Set<String> tokens) {
        return heads.read(tokens);
    }

    /** The snapshot of a link anyone may read now, rendered, read in one transaction: never half of an update. */
    @Transactional(readOnly = true)
    public Optional<PublicSnapshot> snapshot(String token) {
        return readable.publicSnapshot(token);
    }

    /** The stored source of a link anyone may read now, for the Markdown download, read in one transaction. */
    @Transactional(readOnly = true)
    public Optional<SnapshotSource> source(String token) {
        return readable.publicSource(token);
    }

    /** Adds page views to the links' counts, in one transaction. */
    @Transactional
    public void addViews(Map<Long, Long> viewsByShareId) {
        viewsByShareId.forEach((shareId, views) -> {
            if (views > 0) {
                links.addViews(shareId, views);
            }
        });
    }

    /** The feed id a reader that starts now reads after: older rows cannot tell it anything it needs. */
    public long revocationsStart() {
        return feed.start();
    }

    /**
     * Hands over the feed's rows above {@code lastId}, and those of the gaps {@code missing}, in
     * id order: one statement outside any transaction, giving up after a short timeout.
     */
    public void readRevocations(long lastId, Collection<IdRange> missing, Consumer<Revocation> each) {
        feed.read(lastId, missing, each);
    }

    /**
     * Makes every node forget everything it remembers, as one feed row written outside any
     * transaction: what a reader does after {@link LinksRevoked#forgetEverything()}.
     */
    public void announceForgetEverything() {
        feed.announceForgetEverything();
    }

    /** Deletes feed rows older than any reader can still need; a reader calls it now and then. */
    public void deleteOldRevocations() {
        feed.deleteOldRows();
    }
}
