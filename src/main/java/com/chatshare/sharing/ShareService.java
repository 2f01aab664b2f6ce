package com.chatshare.sharing;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.disclosure.SnapshotCheck;
import com.chatshare.security.AppUserPrincipal;
import com.chatshare.security.CurrentUser;
import com.chatshare.sharing.internal.LinkAccess;
import com.chatshare.sharing.internal.LinkSnapshots;
import com.chatshare.sharing.internal.OwnedLinks;
import com.chatshare.sharing.internal.ShareLink;
import com.chatshare.sharing.internal.ShareLinkRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing one conversation by link, for the share dialog (and an Update from the owner's links
 * grid): what the dialog shows, the share itself — a frozen snapshot under {@code /share/TOKEN},
 * updated only when the owner asks — and deleting the link. Owner checks happen here, in the
 * transaction; the conversation's own service refuses anyone but its owner as well.
 *
 * <p>The owner's list of links is {@link OwnLinksService}; reading and continuing a shared chat is
 * {@link SharedChatService}.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShareService {

    public static final String EMPTY_CONVERSATION_MESSAGE =
            "This chat has no messages yet. Send a message before sharing it.";
    public static final String TAKEN_DOWN_MESSAGE = "This chat's link was taken down by moderation, so it cannot "
            + "be shared again while the takedown stands. You can ask for a review from its notice or your links.";

    /** The most message text one snapshot holds (UTF-8 bytes). */
    public static final long MAX_SNAPSHOT_BYTES = 4_000_000;

    /** Why a link cannot be for anyone with the link: the sharing policy (decision 0016). */
    public static final String PUBLIC_LINKS_OFF_MESSAGE = "Public links are off on this server. Choose signed-in "
            + "users only or specific people.";
    public static final String NOTHING_CHOSEN_MESSAGE = "Choose at least one message to share. "
            + "To stop sharing this chat, delete its link instead.";
    public static final String NOT_IN_CHAT_MESSAGE = "Some of the messages you left out are not in this chat. "
            + "Nothing was shared.";
    public static final String CHANGED_SINCE_PREVIEW_MESSAGE = "This chat's link was shared or updated elsewhere "
            + "(another window or your links) since this preview was made. Check the messages again and share once more.";
    public static final String SWITCHED_SINCE_PREVIEW_MESSAGE = "This chat was switched to another version "
            + "(in another window) since this preview was made. Check the messages again and share once more.";
    public static final String CHOOSE_AGAIN_MESSAGE = "This chat is on another version since you shared it, and "
            + "the link leaves messages out. Open the chat's Share dialog to choose what to share.";
    /** Why a link cannot have a preview card: not for anyone (decision 0027). */
    public static final String PREVIEW_CARD_RESTRICTED_MESSAGE = "A preview card is only for links anyone can open: "
            + "it shows the title to everyone who sees the post. Choose “Anyone with the link” or turn the card off.";
    /** Why a link cannot have a preview card: the sharing policy forbids cards. */
    public static final String PREVIEW_CARDS_OFF_MESSAGE = "Preview cards are off on this server. "
            + "Turn the card off to share the link.";
    /** How many usernames the people field suggests at a time. */
    public static final int MAX_SUGGESTIONS = 10;

    private final ConversationService conversations;
    private final ShareLinkRepository links;
    private final OwnedLinks ownedLinks;
    private final LinkAccess access;
    private final LinkSnapshots snapshots;
    private final SharingRules policies;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShareService(ConversationService conversations, ShareLinkRepository links, OwnedLinks ownedLinks,
            LinkAccess access, LinkSnapshots snapshots, SharingRules policies, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.links = links;
        this.ownedLinks = ownedLinks;
        this.access = access;
        this.snapshots = snapshots;
        this.policies = policies;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the share dialog shows for one of the caller's conversations: each message ticked unless
     * the link leaves it out, not yet checked. The dialog runs the check before sharing itself, on
     * what is on screen first and on the rest in the background ({@code sharing/ui/PreviewCheck}),
     * so a long chat's dialog does not wait for a thousand messages to be scanned.
     */
    @Transactional(readOnly = true)
    public SharePreview preview(long conversationId) {
        ConversationSummary conversation = conversations.getConversation(conversationId);
        List<ChatMessage> shareable = LinkSnapshots.shareable(conversations.findMessages(conversationId));
        Optional<ShareLink> link = ownLink(conversationId);
        SharingPolicy policy = policies.current();
        Set<Long> excluded = link.map(l -> snapshots.excluded(l.getId())).orElse(Set.of());
        return new SharePreview(conversationId,
                link.map(ShareLink::getTitle).orElse(conversation.title()),
                link.map(ShareLink::getVisibility).orElse(ShareVisibility.ANONYMOUS),
                currentUser.require().displayName(),
                shareable.stream().map(m -> new PreviewMessage(m.id(), m.position(), m.role(),
                        m.content(), !excluded.contains(m.id()), List.of(), m.model())).toList(),
                link.map(l -> details(l, shareable)),
                link.map(access::settingsOf).orElse(policy.defaultSettings()), policy.expiry(),
                link.map(ShareLink::getSnapshotVersion).orElse(0));
    }

    /**
     * The preview with the check before sharing run on every message's Markdown source, for a
     * sharer in this locale ({@link SnapshotCheck#forLocale}; null: no phone region). The findings
     * only warn; they are not stored or logged.
     */
    @Transactional(readOnly = true)
    public SharePreview preview(long conversationId, @Nullable Locale locale) {
        return preview(conversationId).checked(SnapshotCheck.forLocale(locale));
    }

    /** What expiries this instance allows, for the dialogs to offer. */
    @Transactional(readOnly = true)
    public ExpiryPolicy expiryPolicy() {
        return sharingPolicy().expiry();
    }

    /** The instance's sharing policy: which audiences a link may have and which it starts with, and the expiry rules. */
    @Transactional(readOnly = true)
    public SharingPolicy sharingPolicy() {
        return policies.current();
    }

    /**
     * Usernames of existing accounts that begin with what the owner typed, for the people field;
     * none for fewer than two characters.
     */
    @Transactional(readOnly = true)
    public List<String> suggestPeople(String typed) {
        return access.suggestPeople(typed);
    }

    /** The caller's link for a conversation, if there is one. */
    @Transactional(readOnly = true)
    public Optional<ShareDetails> findShare(long conversationId) {
        List<ChatMessage> shareable = LinkSnapshots.shareable(conversations.findMessages(conversationId));
        return ownLink(conversationId).map(link -> details(link, shareable));
    }

    /**
     * Creates the link, or replaces its snapshot under the same URL, in one transaction: a viewer
     * sees the old snapshot or the new one, never a mix. The link stays locked until the end, so
     * a takedown either comes first (and this is refused) or waits and applies after.
     *
     * <p>Who can open it and until when, and which messages it holds, are kept as the link has
     * them or set as the request says ({@link ShareRequest}). A changed audience or expiry acts on
     * the next request, on every node as any revocation does. The link keeps the ids of the
     * messages left out: a later Update that keeps the choice (the links grid) leaves them out
     * again and shares every other message, new ones included. Where messages were left out before
     * a shared one, the snapshot says how many (decision 0015).
     *
     * @throws ShareException for an empty conversation, a bad title ({@link ShareException.Reason#TITLE}),
     *         a snapshot over {@link #MAX_SNAPSHOT_BYTES}, or a takedown that stands (also when the
     *         owner removed the taken-down link from their list); for a choice of messages also when
     *         every message is left out, a left-out id is not a message of this conversation, or the
     *         link was shared or updated since the preview the choice was made on
     *         ({@link ShareException.Reason#CHANGED_SINCE_PREVIEW})
     * @throws ShareSettingsException for settings the policy or the accounts do not allow
     */
    @Transactional
    public ShareDetails share(ShareRequest request) {
        AppUserPrincipal owner = currentUser.require();
        long conversationId = request.conversationId();
        // Before the link's lock: a policy change takes the policy first, then the links.
        SharingPolicy policy = policies.holdForShare();
        List<ChatMessage> messages = conversations.findMessages(conversationId);
        List<ChatMessage> shareable = LinkSnapshots.shareable(messages);
        if (shareable.isEmpty()) {
            throw new ShareException(EMPTY_CONVERSATION_MESSAGE);
        }
        String cleanTitle = validTitle(request.title());
        Optional<ShareLink> existing = links.lockByConversationIdAndOwnerId(conversationId, owner.userId());
        if (existing.isPresent() && existing.get().isTakenDown()) {
            throw new ShareException(takenDownMessage(existing.get()));
        }
        LinkSnapshots.Selection selection = snapshots.select(messages, shareable, existing, request.messages());
        long size = selection.rows().stream()
                .mapToLong(r -> r.message().content().getBytes(StandardCharsets.UTF_8).length).sum();
        if (size > MAX_SNAPSHOT_BYTES) {
            throw new ShareException(String.format("This chat is too large to share: %,.1f MB of messages; "
                    + "the limit is %d MB. Share a shorter chat.", size / 1_000_000.0, MAX_SNAPSHOT_BYTES / 1_000_000));
        }
        Optional<LinkAccess.Access> newAccess = switch (request.access()) {
            case ShareRequest.Access.Chosen(ShareSettings settings) -> Optional.of(access.resolve(settings,
                    owner.userId(), existing.map(ShareLink::getExpiresAt).orElse(null), existing.isEmpty(), policy));
            case ShareRequest.Access.Keep() -> existing.isPresent() ? Optional.empty()
                    : Optional.of(access.resolve(policy.defaultSettings(), owner.userId(), null, true, policy));
        };
        ShareAudience audience = newAccess.map(LinkAccess.Access::audience)
                .orElseGet(() -> existing.orElseThrow().getAudience());
        boolean previewCard = previewCard(request.previewCard(), existing, audience, policy);
        ShareLink link = existing.orElseGet(() ->
                new ShareLink(ShareToken.generate(), conversationId, owner.userId(), clock.instant()));
        link.showPreviewCard(previewCard);
        link.resnapshot(cleanTitle, request.visibility(), owner.displayName(), selection.lastPosition(),
                selection.lastMessageId(), clock.instant());
        newAccess.ifPresent(chosen -> link.restrict(chosen.audience(), chosen.expiresAt()));
        ShareLink saved = links.saveAndFlush(link);
        newAccess.ifPresent(chosen -> access.writePeople(saved.getId(), chosen));
        snapshots.write(saved.getId(), existing.isPresent(), selection);
        events.publishEvent(existing.isPresent()
                ? new ShareEvents.ShareUpdated(saved.getId(), owner.userId(), saved.getSnapshotVersion())
                : new ShareEvents.ShareCreated(saved.getId(), owner.userId(), conversationId));
        return details(saved, shareable);
    }

    /**
     * Deletes the caller's link of a conversation: the URL answers 404 from the next request on.
     * A taken-down link only leaves the caller's list; moderation keeps it until the retention ends.
     */
    @Transactional
    public void deleteShare(long conversationId) {
        conversations.getConversation(conversationId);
        ShareLink link = ownLink(conversationId).filter(l -> l.getRemovedByOwnerAt() == null)
                .orElseThrow(() -> new ShareException("This chat has no link."));
        ownedLinks.delete(link.getOwnerId(), Set.of(link.getId()), clock.instant());
        events.publishEvent(new ShareEvents.ShareDeleted(link.getId(), link.getOwnerId()));
    }

    /**
     * Whether the link will carry a preview card: refused when asked for one on a link that is not
     * for anyone or while the policy forbids cards; a kept card goes when either stops allowing it.
     */
    private static boolean previewCard(ShareRequest.PreviewCard asked, Optional<ShareLink> existing,
            ShareAudience audience, SharingPolicy policy) {
        boolean allowed = audience == ShareAudience.ANYONE && policy.previewCardsAllowed();
        return switch (asked) {
            case OFF -> false;
            case KEEP -> allowed && existing.map(ShareLink::isPreviewCardOn).orElse(false);
            case ON -> {
                if (!policy.previewCardsAllowed()) {
                    throw new ShareSettingsException(ShareSettingsException.Setting.PREVIEW_CARD,
                            PREVIEW_CARDS_OFF_MESSAGE);
                }
                if (audience != ShareAudience.ANYONE) {
                    throw new ShareSettingsException(ShareSettingsException.Setting.PREVIEW_CARD,
                            PREVIEW_CARD_RESTRICTED_MESSAGE);
                }
                yield true;
            }
        };
    }

    private Optional<ShareLink> ownLink(long conversationId) {
        return links.findByConversationIdAndOwnerId(conversationId, currentUser.requireUserId());
    }

    /** Why a link cannot be shared again: the takedown and its reason. */
    private static String takenDownMessage(ShareLink link) {
        return TAKEN_DOWN_MESSAGE + (link.getTakedownReason() == null ? "" : " Reason: " + link.getTakedownReason() + ".");
    }

    private static String validTitle(String title) {
        String text = MarkdownRenderer.withoutBidiControls(title).strip();
        if (text.isEmpty()) {
            throw new ShareException(ShareException.Reason.TITLE, "Enter a title for the shared chat.");
        }
        if (text.length() > ShareDetails.TITLE_MAX_LENGTH) {
            throw new ShareException(ShareException.Reason.TITLE,
                    "A title can have at most " + ShareDetails.TITLE_MAX_LENGTH + " characters.");
        }
        return text;
    }

    private ShareDetails details(ShareLink link, List<ChatMessage> shareable) {
        Instant now = clock.instant();
        // The path on screen (decision 0023) may no longer go through what was shared: another version.
        Long sharedLast = link.getSourceLastMessageId();
        boolean otherVersion = sharedLast != null && shareable.stream().noneMatch(m -> m.id() == sharedLast);
        int newMessages = otherVersion ? 0
                : (int) shareable.stream().filter(m -> m.position() > link.getSourceLastPosition()).count();
        return new ShareDetails(link.getId(), link.getConversationId(), link.getPath(), link.getTitle(),
                link.getVisibility(), link.getStatus(), link.getTakedownReason(), link.getCreatedAt(),
                link.getUpdatedAt(), link.getViewCount(), newMessages, access.settingsOf(link),
                link.isExpiredAt(now), link.getSnapshotVersion(), otherVersion, link.hasPreviewCard());
    }
}
