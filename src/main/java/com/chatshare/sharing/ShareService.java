package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;
import com.chatshare.accounts.AccountDirectory;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.disclosure.SnapshotCheck;
import com.chatshare.security.AppUserPrincipal;
import com.chatshare.security.CurrentUser;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.ratelimit.RateLimit;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.sharing.internal.ExcludedMessages;
import com.chatshare.sharing.internal.LinkMembers;
import com.chatshare.sharing.internal.OwnedLinks;
import com.chatshare.sharing.internal.ReadableLinks;
import com.chatshare.sharing.internal.RevocationFeed;
import com.chatshare.sharing.internal.ShareLink;
import com.chatshare.sharing.internal.ShareLinkRepository;
import com.chatshare.sharing.internal.SnapshotBatchWriter;
import com.chatshare.sharing.internal.SnapshotMessageRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a conversation by link: a frozen snapshot under {@code /share/TOKEN}, updated only when
 * the owner asks, and continued by recipients as their own copy. Owner checks happen here, in the
 * transaction; the conversation's own service refuses anyone but its owner as well.
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
    public static final String TOO_MANY_CONTINUES_MESSAGE = "You continued many shared chats in the last hour. "
            + "Please try again later.";

    public static final String NOT_AVAILABLE_MESSAGE = "This shared link is not available.";
    /** Why a link cannot be for anyone with the link: the sharing policy (decision 0016). */
    public static final String PUBLIC_LINKS_OFF_MESSAGE = "Public links are off on this server. Choose signed-in "
            + "users only or specific people.";
    public static final String NOTHING_CHOSEN_MESSAGE = "Choose at least one message to share. "
            + "To stop sharing this chat, delete its link instead.";
    public static final String NOT_IN_CHAT_MESSAGE = "Some of the messages you left out are not in this chat. "
            + "Nothing was shared.";
    public static final String CHANGED_SINCE_PREVIEW_MESSAGE = "This chat's link was shared or updated elsewhere "
            + "(another window or your links) since this preview was made. Check the messages again and share once more.";
    /** How many usernames the people field suggests at a time. */
    public static final int MAX_SUGGESTIONS = 10;

    /** The shared counter of continues per account (per hour, {@code chatshare.sharing.continues-per-hour}). */
    static final String CONTINUES_BY_ACCOUNT = "continues by account";

    private final RateLimit continues;
    private final ConversationService conversations;
    private final ShareLinkRepository links;
    private final SnapshotMessageRepository snapshots;
    private final SnapshotBatchWriter snapshotWriter;
    private final ReadableLinks readable;
    private final OwnedLinks ownedLinks;
    private final MarkdownRenderer markdown;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RevocationFeed feed;
    private final LinkMembers members;
    private final AccountDirectory accounts;
    private final SharingRules policies;
    private final ExcludedMessages excludedMessages;

    ShareService(ConversationService conversations, ShareLinkRepository links, SnapshotMessageRepository snapshots,
            SnapshotBatchWriter snapshotWriter, ReadableLinks readable, OwnedLinks ownedLinks, MarkdownRenderer markdown,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock, RevocationFeed feed,
            SharedCounters counters, LinkMembers members, AccountDirectory accounts, SharingRules policies,
            @Value("${chatshare.sharing.continues-per-hour:30}") int continuesPerHour,
            ExcludedMessages excludedMessages) {
        this.excludedMessages = excludedMessages;
        this.members = members;
        this.accounts = accounts;
        this.policies = policies;
        this.continues = counters.limit(CONTINUES_BY_ACCOUNT, continuesPerHour, java.time.Duration.ofHours(1));
        this.conversations = conversations;
        this.links = links;
        this.snapshots = snapshots;
        this.snapshotWriter = snapshotWriter;
        this.readable = readable;
        this.ownedLinks = ownedLinks;
        this.markdown = markdown;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.feed = feed;
    }

    /** What the share dialog shows for one of the caller's conversations, checked without a phone region. */
    @Transactional(readOnly = true)
    public SharePreview preview(long conversationId) {
        return preview(conversationId, null);
    }

    /**
     * What the share dialog shows for one of the caller's conversations: each message ticked unless
     * the link leaves it out, and the check before sharing run on its Markdown source for a sharer
     * in this locale ({@link SnapshotCheck#forLocale}). The findings only warn; they are not stored
     * or logged.
     */
    @Transactional(readOnly = true)
    public SharePreview preview(long conversationId, Locale locale) {
        ConversationSummary conversation = conversations.getConversation(conversationId);
        List<ChatMessage> shareable = shareable(conversations.findMessages(conversationId));
        Optional<ShareLink> link = ownLink(conversationId);
        SharingPolicy policy = policies.current();
        Set<Long> excluded = link.map(l -> excludedMessages.of(l.getId())).orElse(Set.of());
        SnapshotCheck check = SnapshotCheck.forLocale(locale);
        return new SharePreview(conversationId,
                link.map(ShareLink::getTitle).orElse(conversation.title()),
                link.map(ShareLink::getVisibility).orElse(ShareVisibility.ANONYMOUS),
                currentUser.require().displayName(),
                shareable.stream().map(m -> new PreviewMessage(m.id(), m.position(), m.role(),
                        m.content(), !excluded.contains(m.id()), check.scan(m.content()))).toList(),
                link.map(l -> details(l, shareable)),
                link.map(this::settingsOf).orElse(policy.defaultSettings()), policy.expiry(),
                link.map(ShareLink::getSnapshotVersion).orElse(0));
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
        return accounts.usernamesStartingWith(typed, MAX_SUGGESTIONS);
    }

    /** The caller's link for a conversation, if there is one. */
    @Transactional(readOnly = true)
    public Optional<ShareDetails> findShare(long conversationId) {
        List<ChatMessage> shareable = shareable(conversations.findMessages(conversationId));
        return ownLink(conversationId).map(link -> details(link, shareable));
    }

    /**
     * Creates the link, or replaces its snapshot under the same URL, in one transaction: a viewer
     * sees the old snapshot or the new one, never a mix. The link stays locked until the end, so
     * a takedown either comes first (and this is refused) or waits and applies after.
     *
     * @throws ShareException for an empty conversation, a bad title, or a takedown that stands
     *         (also when the owner removed the taken-down link from their list)
     */
    @Transactional
    public ShareDetails share(long conversationId, String title, ShareVisibility visibility) {
        return share(conversationId, title, visibility, null);
    }

    /**
     * {@link #share(long, String, ShareVisibility)} with who can open the link and until when.
     * People must be existing accounts (at most {@link ShareSettings#MAX_PEOPLE}); a new or changed
     * expiry must be in the future and within the {@link #expiryPolicy()}. A changed audience or
     * expiry acts on the next request, on every node as any revocation does.
     *
     * @param settings null to keep the link's (or, for a new link, the defaults)
     */
    @Transactional
    public ShareDetails share(long conversationId, String title, ShareVisibility visibility, ShareSettings settings) {
        return share(conversationId, title, visibility, settings, null);
    }

    /**
     * {@link #share(long, String, ShareVisibility, ShareSettings)} with the messages the owner chose in
     * the preview. The link keeps the ids left out: an Update without a choice (the links grid, or
     * any other caller) leaves them out again and shares every other message, new ones included.
     * Where messages were left out before a shared one, the snapshot says how many (decision 0015).
     *
     * @param choice null to keep the link's choice (for a new link: every message)
     * @throws ShareException also when every message is left out, a left-out id is not a message of
     *         this conversation, or the link was shared or updated since the preview the choice was made on
     */
    @Transactional
    public ShareDetails share(long conversationId, String title, ShareVisibility visibility, ShareSettings settings,
            MessageChoice choice) {
        AppUserPrincipal owner = currentUser.require();
        // Before the link's lock: a policy change takes the policy first, then the links.
        SharingPolicy policy = policies.holdForShare();
        List<ChatMessage> messages = conversations.findMessages(conversationId);
        List<ChatMessage> shareable = shareable(messages);
        if (shareable.isEmpty()) {
            throw new ShareException(EMPTY_CONVERSATION_MESSAGE);
        }
        String cleanTitle = validTitle(title);
        Optional<ShareLink> existing = links.lockByConversationIdAndOwnerId(conversationId, owner.userId());
        if (existing.isPresent() && existing.get().isTakenDown()) {
            throw new ShareException(takenDownMessage(existing.get()));
        }
        Selection selection = select(messages, shareable, existing, choice);
        long size = selection.rows().stream()
                .mapToLong(r -> r.message().content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        if (size > MAX_SNAPSHOT_BYTES) {
            throw new ShareException(String.format("This chat is too large to share: %,.1f MB of messages; "
                    + "the limit is %d MB. Share a shorter chat.", size / 1_000_000.0, MAX_SNAPSHOT_BYTES / 1_000_000));
        }
        Access access = settings == null ? null : validAccess(settings, owner.userId(),
                existing.map(ShareLink::getExpiresAt).orElse(null), existing.isEmpty(), policy);
        if (settings == null && existing.isEmpty()) {
            access = validAccess(policy.defaultSettings(), owner.userId(), null, true, policy);
        }
        ShareLink link = existing.orElseGet(() ->
                new ShareLink(ShareToken.generate(), conversationId, owner.userId(), clock.instant()));
        link.resnapshot(cleanTitle, visibility, owner.displayName(), selection.lastPosition(), clock.instant());
        if (access != null) {
            link.restrict(access.audience(), access.expiresAt());
        }
        link = links.saveAndFlush(link);
        if (access != null) {
            members.replace(link.getId(), access.people());
        }
        if (existing.isPresent() || !selection.excluded().isEmpty()) {
            excludedMessages.replace(link.getId(), selection.excluded());
        }
        snapshots.deleteByShareLink(link.getId());
        snapshotWriter.insert(link.getId(), selection.rows());
        if (existing.isPresent()) {
            // Last, so the feed row is written with every lock held, a moment before the commit.
            feed.revokeIds(List.of(link.getId()));
        }
        events.publishEvent(existing.isPresent()
                ? new ShareEvents.ShareUpdated(link.getId(), owner.userId(), link.getSnapshotVersion())
                : new ShareEvents.ShareCreated(link.getId(), owner.userId(), conversationId));
        return details(link, shareable);
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
     * One of the caller's taken-down links, also after they removed it from their list: for the
     * owner's notices and review requests.
     */
    @Transactional(readOnly = true)
    public Optional<OwnTakedown> findOwnTakedown(long shareId) {
        return links.findById(shareId)
                .filter(link -> link.getOwnerId() == currentUser.requireUserId() && link.isTakenDown())
                .map(link -> new OwnTakedown(link.getId(), link.getTitle(), link.getTakedownReason(),
                        link.getTakenDownAt(), link.getRemovedByOwnerAt() != null));
    }

    /**
     * Puts a taken-down link the caller removed back into their list (they asked for a review of
     * it); a link whose chat was deleted stays out, and a reinstatement deletes it for good.
     */
    @Transactional
    public void keepOwnTakedown(long shareId) {
        ownedLinks.restoreRemoved(currentUser.requireUserId(), shareId);
    }

    /**
     * Copies an active shared snapshot into the caller's own chat list, marked as imported.
     *
     * @return the new conversation, independent of the share from now on
     */
    @Transactional
    public ConversationSummary continueConversation(String token) {
        ShareLink link = activeLink(token);
        if (!continues.tryAcquire(currentUser.requireUserId())) {
            throw new ShareException(TOO_MANY_CONTINUES_MESSAGE);
        }
        List<ChatTurn> turns = snapshots.findByShareLinkIdOrderByPosition(link.getId()).stream()
                .map(m -> new ChatTurn(m.getRole(), m.getContent()))
                .toList();
        ConversationSummary copy = conversations.importConversation(link.getTitle(), turns);
        events.publishEvent(new ShareEvents.ConversationContinued(link.getId(), currentUser.requireUserId(), copy.id()));
        return copy;
    }

    /** One page of the caller's links, for the data controls grid. */
    @Transactional(readOnly = true)
    public List<ShareSummary> findOwnLinks(ShareQuery query, int offset, int limit) {
        List<OwnedLinks.OwnedLink> rows = ownedLinks.page(currentUser.requireUserId(), query, offset, limit,
                clock.instant());
        Map<Long, Integer> positions = new HashMap<>();
        rows.forEach(row -> positions.put(row.summary().conversationId(), row.sourceLastPosition()));
        Map<Long, Integer> newMessages = conversations.countFinishedMessagesAfter(positions);
        return rows.stream().map(row -> row.summary()
                .withNewMessages(newMessages.getOrDefault(row.summary().conversationId(), 0))).toList();
    }

    @Transactional(readOnly = true)
    public int countOwnLinks() {
        return ownedLinks.count(currentUser.requireUserId());
    }

    /**
     * Deletes some of the caller's links set-based (taken-down ones only leave the list). If any id
     * is not the caller's, nothing is deleted.
     *
     * @return how many links were deleted
     */
    @Transactional
    public int deleteLinks(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return 0;
        }
        long ownerId = currentUser.requireUserId();
        Set<Long> ids = Set.copyOf(shareIds);
        if (ownedLinks.countOwned(ownerId, ids) != ids.size()) {
            throw new ShareException("Some of these links do not exist or are not yours. Nothing was deleted.");
        }
        int deleted = ownedLinks.delete(ownerId, ids, clock.instant());
        events.publishEvent(new ShareEvents.SharesDeleted(ownerId, deleted));
        return deleted;
    }

    /**
     * Sets who can open some of the caller's links, in one statement: anyone or signed-in users
     * (a list of people is chosen per link, in its Share dialog). Acts on the next request. If any
     * id is not the caller's, nothing changes.
     *
     * @return how many links changed
     */
    @Transactional
    public int changeAudience(Collection<Long> shareIds, ShareAudience audience) {
        if (audience == ShareAudience.PEOPLE) {
            throw new ShareException("Choose the people of a link in its Share dialog, one link at a time.");
        }
        if (!policies.holdForShare().allows(audience)) {
            throw new ShareSettingsException(ShareSettingsException.Setting.AUDIENCE, PUBLIC_LINKS_OFF_MESSAGE);
        }
        Set<Long> ids = ownedIds(shareIds);
        if (ids.isEmpty()) {
            return 0;
        }
        members.clear(ids);
        return ownedLinks.setAudience(currentUser.requireUserId(), ids, audience);
    }

    /**
     * Sets when some of the caller's links stop answering, in one statement (null: never): also
     * renews expired links. The time must be in the future and within the {@link #expiryPolicy()}.
     * If any id is not the caller's, nothing changes.
     *
     * @return how many links changed
     */
    @Transactional
    public int changeExpiry(Collection<Long> shareIds, Instant expiresAt) {
        checkExpiry(expiresAt, policies.holdForShare().expiry());
        Set<Long> ids = ownedIds(shareIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return ownedLinks.setExpiry(currentUser.requireUserId(), ids, expiresAt);
    }

    /** {@link #changeExpiry} to this long from now, by the server's clock. */
    @Transactional
    public int expireIn(Collection<Long> shareIds, Duration fromNow) {
        return changeExpiry(shareIds, clock.instant().plus(fromNow));
    }

    private Set<Long> ownedIds(Collection<Long> shareIds) {
        Set<Long> ids = Set.copyOf(shareIds);
        if (!ids.isEmpty() && ownedLinks.countOwned(currentUser.requireUserId(), ids) != ids.size()) {
            throw new ShareException("Some of these links do not exist or are not yours. Nothing was changed.");
        }
        return ids;
    }

    /** Deletes every link of the caller's set-based; conversations and copies stay. */
    @Transactional
    public int deleteAllLinks() {
        long ownerId = currentUser.requireUserId();
        int deleted = ownedLinks.deleteAll(ownerId, false, clock.instant());
        events.publishEvent(new ShareEvents.SharesDeleted(ownerId, deleted));
        return deleted;
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

    private ShareLink activeLink(String token) {
        return readable.readableLink(token, currentUser.requireUserId())
                .orElseThrow(() -> new ShareException(NOT_AVAILABLE_MESSAGE));
    }

    private Optional<ShareLink> ownLink(long conversationId) {
        return links.findByConversationIdAndOwnerId(conversationId, currentUser.requireUserId());
    }

    private static List<ChatMessage> shareable(List<ChatMessage> messages) {
        return messages.stream()
                .filter(m -> m.status() == MessageStatus.COMPLETE || m.status() == MessageStatus.STOPPED)
                .filter(m -> !m.content().isBlank())
                .toList();
    }

    /**
     * What a share puts into the snapshot: the messages it considers (all shareable ones, or those
     * the preview showed), the ids of those left out, and the rows of the rest, each with the
     * number left out just before it (none are counted after the last shared message).
     */
    private record Selection(List<SnapshotBatchWriter.Row> rows, Set<Long> excluded, int lastPosition) {
    }

    private Selection select(List<ChatMessage> messages, List<ChatMessage> shareable, Optional<ShareLink> existing,
            MessageChoice choice) {
        List<ChatMessage> considered = shareable;
        Set<Long> wanted;
        if (choice == null) {
            wanted = existing.map(link -> excludedMessages.of(link.getId())).orElse(Set.of());
        } else {
            if (existing.map(ShareLink::getSnapshotVersion).orElse(0) != choice.previewedVersion()) {
                throw new ShareException(ShareException.Reason.CHANGED_SINCE_PREVIEW, CHANGED_SINCE_PREVIEW_MESSAGE);
            }
            Set<Long> ids = messages.stream().map(ChatMessage::id).collect(Collectors.toSet());
            if (!ids.containsAll(choice.excluded())) {
                throw new ShareException(NOT_IN_CHAT_MESSAGE);
            }
            considered = shareable.stream().filter(m -> m.position() <= choice.lastShownPosition()).toList();
            if (considered.isEmpty()) {
                throw new ShareException(EMPTY_CONVERSATION_MESSAGE);
            }
            wanted = choice.excluded();
        }
        List<SnapshotBatchWriter.Row> rows = new ArrayList<>(considered.size());
        Set<Long> excluded = new java.util.HashSet<>();
        int gap = 0;
        for (ChatMessage message : considered) {
            if (wanted.contains(message.id())) {
                excluded.add(message.id());
                gap++;
            } else {
                rows.add(new SnapshotBatchWriter.Row(message, gap));
                gap = 0;
            }
        }
        if (rows.isEmpty()) {
            throw new ShareException(NOTHING_CHOSEN_MESSAGE);
        }
        return new Selection(rows, excluded, considered.getLast().position());
    }

    /** Why a link cannot be shared again: the takedown and its reason. */
    static String takenDownMessage(ShareLink link) {
        return TAKEN_DOWN_MESSAGE + (link.getTakedownReason() == null ? "" : " Reason: " + link.getTakedownReason() + ".");
    }

    private static String validTitle(String title) {
        String text = MarkdownRenderer.withoutBidiControls(title).strip();
        if (text.isEmpty()) {
            throw new ShareException(ShareException.Reason.TITLE, "Enter a title for the shared chat.");
        }
        if (text.length() > ShareDetails.TITLE_MAX_LENGTH) {
            throw new ShareException(ShareException.Reason.TITLE, "A title can have at most " + ShareDetails.TITLE_MAX_LENGTH + " characters.");
        }
        return text;
    }

    private ShareDetails details(ShareLink link, List<ChatMessage> shareable) {
        int newMessages = (int) shareable.stream().filter(m -> m.position() > link.getSourceLastPosition()).count();
        return new ShareDetails(link.getId(), link.getConversationId(), link.getPath(), link.getTitle(),
                link.getVisibility(), link.getStatus(), link.getTakedownReason(), link.getCreatedAt(),
                link.getUpdatedAt(), link.getViewCount(), newMessages, settingsOf(link),
                link.isExpiredAt(clock.instant()), link.getSnapshotVersion());
    }

    /** A link's audience (with its people's usernames, in order) and expiry. */
    private ShareSettings settingsOf(ShareLink link) {
        List<String> people = link.getAudience() != ShareAudience.PEOPLE ? List.of()
                : accounts.usernames(members.of(link.getId())).values().stream().sorted().toList();
        return new ShareSettings(link.getAudience(), people, link.getExpiresAt());
    }

    /** Settings checked and resolved: the people as account ids. */
    private record Access(ShareAudience audience, List<Long> people, Instant expiresAt) {
    }

    private Access validAccess(ShareSettings settings, long ownerId, Instant currentExpiry, boolean isNew,
            SharingPolicy policy) {
        ShareAudience audience = settings.audience() == null ? policy.defaultAudience() : settings.audience();
        if (!policy.allows(audience)) {
            throw new ShareSettingsException(ShareSettingsException.Setting.AUDIENCE, PUBLIC_LINKS_OFF_MESSAGE);
        }
        List<Long> people = audience == ShareAudience.PEOPLE ? people(settings.people(), ownerId) : List.of();
        // An expiry the link already has is kept as it is, even if it has passed or the cap moved.
        if (isNew || !java.util.Objects.equals(settings.expiresAt(), currentExpiry)) {
            checkExpiry(settings.expiresAt(), policy.expiry());
        }
        return new Access(audience, people, settings.expiresAt());
    }

    private List<Long> people(List<String> typed, long ownerId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : typed) {
            if (name != null && !name.isBlank()) {
                names.putIfAbsent(com.chatshare.security.Usernames.canonical(name), name.strip());
            }
        }
        if (names.isEmpty()) {
            throw invalidPeople("Add at least one person who may open the link, or choose another audience.");
        }
        if (names.size() > ShareSettings.MAX_PEOPLE) {
            throw invalidPeople("A link can be shared with at most " + ShareSettings.MAX_PEOPLE + " people; you "
                    + "added " + names.size() + ".");
        }
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        names.forEach((canonical, name) -> accounts.idOf(canonical).ifPresentOrElse(ids::add, () -> unknown.add(name)));
        if (!unknown.isEmpty()) {
            throw invalidPeople((unknown.size() == 1 ? "There is no account named " : "There are no accounts named ")
                    + String.join(", ", unknown) + ". Check the usernames.");
        }
        // The owner may always open their own link: no row for them.
        return ids.stream().filter(id -> id != ownerId).distinct().toList();
    }

    private void checkExpiry(Instant expiresAt, ExpiryPolicy expiryPolicy) {
        Instant now = clock.instant();
        if (expiresAt == null) {
            if (expiryPolicy.required()) {
                throw invalidExpiry("Links on this server must expire. Choose when" + (expiryPolicy.longest() == null
                        ? "." : ", at most " + days(expiryPolicy.longest()) + " from now."));
            }
            return;
        }
        if (!expiresAt.isAfter(now)) {
            throw invalidExpiry("Choose an expiry in the future.");
        }
        if (!expiryPolicy.allows(Duration.between(now, expiresAt))) {
            throw invalidExpiry("Links on this server expire at most " + days(expiryPolicy.longest())
                    + " from now. Choose an earlier expiry.");
        }
    }

    private static ShareSettingsException invalidPeople(String message) {
        return new ShareSettingsException(ShareSettingsException.Setting.PEOPLE, message);
    }

    private static ShareSettingsException invalidExpiry(String message) {
        return new ShareSettingsException(ShareSettingsException.Setting.EXPIRY, message);
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return days >= 1 && duration.equals(Duration.ofDays(days))
                ? days + (days == 1 ? " day" : " days")
                : duration.toHours() + " hours";
    }
}
