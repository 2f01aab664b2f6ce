package com.chatshare.sharing;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.ratelimit.RateLimit;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.internal.ReadableLinks;
import com.chatshare.sharing.internal.ShareLink;
import com.chatshare.sharing.internal.SnapshotMessageRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and continuing a shared chat inside the app: the signed-in page
 * ({@code /share/TOKEN/view}), the continue page and the sign-in page's purpose. Who may open a
 * link is decided in one place, {@code internal/ReadableLinks}; every token the caller may not
 * open gets what an unknown one gets. (The public page, {@code /share/TOKEN}, reads through
 * {@link PublicLinks}.)
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SharedChatService {

    public static final String NOT_AVAILABLE_MESSAGE = "This shared link is not available.";
    public static final String TOO_MANY_CONTINUES_MESSAGE = "You continued many shared chats in the last hour. "
            + "Please try again later.";

    /** The shared counter of continues per account (per hour, {@link SharingSettings#continuesPerHour()}). */
    static final String CONTINUES_BY_ACCOUNT = "continues by account";

    private final ReadableLinks readable;
    private final SnapshotMessageRepository snapshots;
    private final ConversationService conversations;
    private final RateLimit continues;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    SharedChatService(ReadableLinks readable, SnapshotMessageRepository snapshots, ConversationService conversations,
            SharedCounters counters, SharingSettings settings, CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.readable = readable;
        this.snapshots = snapshots;
        this.conversations = conversations;
        this.continues = counters.limit(CONTINUES_BY_ACCOUNT, settings.continuesPerHour(), Duration.ofHours(1));
        this.currentUser = currentUser;
        this.events = events;
    }

    /** What the public page shows of a link for anyone: empty for every other token. */
    @Transactional(readOnly = true)
    public Optional<PublicSnapshot> findPublicSnapshot(String token) {
        return readable.publicSnapshot(token);
    }

    /**
     * The title of a link anyone may read, as its public page shows it to anyone, also for a
     * visitor who is not signed in (the sign-in page says what signing in is for). Empty for every
     * other token, exactly as for an unknown one.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<String> findPublicTitle(String token) {
        // The title only: the sign-in page needs no rendered snapshot.
        return readable.publicLink(token).map(link -> MarkdownRenderer.withoutBidiControls(link.getTitle()));
    }

    /**
     * The snapshot of a link the caller may open, for the signed-in page and the continue page: an
     * active link that has not expired, for anyone, for signed-in users, or for people that include
     * the caller, or the caller's own. Empty for every other token, exactly as for an unknown one.
     */
    @Transactional(readOnly = true)
    public Optional<PublicSnapshot> findSnapshot(String token) {
        return readable.snapshotFor(token, currentUser.requireUserId());
    }

    /**
     * Copies the snapshot of a link the caller may open ({@link #findSnapshot}) into the caller's
     * own chat list, marked as imported.
     *
     * @return the new conversation, independent of the share from now on
     * @throws ShareException for a link the caller may not open ({@link #NOT_AVAILABLE_MESSAGE}), or
     *         past the caller's continues this hour ({@link #TOO_MANY_CONTINUES_MESSAGE})
     */
    @Transactional
    public ConversationSummary continueConversation(String token) {
        long callerId = currentUser.requireUserId();
        ShareLink link = readable.readableLink(token, callerId)
                .orElseThrow(() -> new ShareException(NOT_AVAILABLE_MESSAGE));
        if (!continues.tryAcquire(callerId)) {
            throw new ShareException(TOO_MANY_CONTINUES_MESSAGE);
        }
        List<ChatTurn> turns = snapshots.findByShareLinkIdOrderByPosition(link.getId()).stream()
                .map(m -> new ChatTurn(m.getRole(), m.getContent()))
                .toList();
        ConversationSummary copy = conversations.importConversation(link.getTitle(), turns);
        events.publishEvent(new ShareEvents.ConversationContinued(link.getId(), callerId, copy.id()));
        return copy;
    }
}
