package com.chatshare.sharing.internal;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.SnapshotMessage;
import com.chatshare.sharing.SnapshotSource;
import com.chatshare.sharing.SourceMessage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may read a link, in one place, and what they read of it: the public page, the signed-in
 * page ({@code /share/TOKEN/view}), continue and the report forms all decide with
 * {@link #isAvailable}, {@link #isPublic} and {@link #mayOpen}. Every lookup here answers an
 * unknown, malformed or unreadable token alike (empty), and runs in the caller's transaction.
 */
@Component
public class ReadableLinks {

    private final ShareLinkRepository links;
    private final SnapshotMessageRepository snapshots;
    private final MarkdownRenderer markdown;
    private final LinkMembers members;
    private final Clock clock;

    ReadableLinks(ShareLinkRepository links, SnapshotMessageRepository snapshots, MarkdownRenderer markdown,
            LinkMembers members, Clock clock) {
        this.links = links;
        this.snapshots = snapshots;
        this.markdown = markdown;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Active, present (its owner's account enabled, not deleted by its owner) and not expired:
     * what its audience may read.
     */
    public boolean isAvailable(ShareLink link) {
        return link.getStatus() == ShareStatus.ACTIVE && link.isPresent() && !link.isExpiredAt(clock.instant());
    }

    /** Available and for anyone: what anyone with the link may read on the public page. */
    public boolean isPublic(ShareLink link) {
        return isAvailable(link) && link.getAudience() == ShareAudience.ANYONE;
    }

    /** Whether an account may open a link, whatever its state: its owner, and its audience. */
    public boolean mayOpen(ShareLink link, long accountId) {
        return switch (link.getAudience()) {
            case ANYONE, SIGNED_IN -> true;
            case PEOPLE -> link.getOwnerId() == accountId || members.isMember(link.getId(), accountId);
        };
    }

    /** A link anyone may read now. */
    public Optional<ShareLink> publicLink(String token) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return links.findByToken(token).filter(this::isPublic);
    }

    /** A link this account may open now, whatever its audience: available, and for anyone, any signed-in account, listing this account, or the account's own. */
    public Optional<ShareLink> readableLink(String token, long accountId) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return links.findByToken(token).filter(link -> isAvailable(link) && mayOpen(link, accountId));
    }

    /** The snapshot of a link anyone may read now, rendered. */
    public Optional<PublicSnapshot> publicSnapshot(String token) {
        return publicLink(token).map(this::toSnapshot);
    }

    /** The snapshot of a link this account may open now ({@link #readableLink}), rendered. */
    public Optional<PublicSnapshot> snapshotFor(String token, long accountId) {
        return readableLink(token, accountId).map(this::toSnapshot);
    }

    /** The stored source of a link anyone may read now, for the Markdown download. */
    public Optional<SnapshotSource> publicSource(String token) {
        return publicLink(token).map(link -> new SnapshotSource(link.getId(), MarkdownRenderer.withoutBidiControls(link.getTitle()),
                MarkdownRenderer.withoutBidiControls(link.getSharedByName()), link.getCreatedAt(), link.getUpdatedAt(),
                link.getSnapshotVersion(),
                snapshots.findByShareLinkIdOrderByPosition(link.getId()).stream()
                        .map(m -> new SourceMessage(m.getRole(), MarkdownRenderer.withoutBidiControls(m.getContent()),
                                m.getOmittedBefore(), modelName(m)))
                        .toList()));
    }

    /** A link's messages rendered exactly as viewers see them, whatever its state. */
    public List<SnapshotMessage> messages(long shareId) {
        return snapshots.findByShareLinkIdOrderByPosition(shareId).stream()
                .map(m -> new SnapshotMessage(m.getRole(),
                        markdown.messageHtml(m.getContent(), m.getRole() == MessageRole.USER), m.getOmittedBefore(),
                        modelName(m)))
                .toList();
    }

    /** An answer's model as text on one line, as titles are; null for questions or when not recorded. */
    private static @Nullable String modelName(StoredSnapshotMessage message) {
        String model = message.getModel();
        if (message.getRole() != MessageRole.ASSISTANT || model == null || model.isBlank()) {
            return null;
        }
        return MarkdownRenderer.withoutBidiControls(model);
    }

    private PublicSnapshot toSnapshot(ShareLink link) {
        return new PublicSnapshot(link.getId(), MarkdownRenderer.withoutBidiControls(link.getTitle()),
                MarkdownRenderer.withoutBidiControls(link.getSharedByName()), link.getCreatedAt(), link.getUpdatedAt(),
                link.getSnapshotVersion(), messages(link.getId()), link.hasPreviewCard());
    }
}
