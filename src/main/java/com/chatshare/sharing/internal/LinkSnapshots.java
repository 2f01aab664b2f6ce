package com.chatshare.sharing.internal;

import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.sharing.MessageChoice;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a share puts into a link's snapshot, for the share dialog's service: which of the
 * conversation's messages can be shared at all, which the owner shares (their choice in the
 * preview, or the link's earlier one kept), and the snapshot written: the messages left out kept
 * for later Updates, the rows replaced, and an existing link revoked. Runs in the caller's
 * transaction, which holds the link locked.
 */
@Component
public class LinkSnapshots {

    /**
     * What a share puts into the snapshot: the ids of the messages left out, the rows of the rest,
     * each with the number left out just before it (none are counted after the last shared
     * message), and the position and id of the last message considered.
     */
    public record Selection(List<SnapshotBatchWriter.Row> rows, Set<Long> excluded, int lastPosition,
            long lastMessageId) {
    }

    private final ExcludedMessages excludedMessages;
    private final SnapshotMessageRepository snapshots;
    private final SnapshotBatchWriter writer;
    private final RevocationFeed feed;

    LinkSnapshots(ExcludedMessages excludedMessages, SnapshotMessageRepository snapshots, SnapshotBatchWriter writer,
            RevocationFeed feed) {
        this.excludedMessages = excludedMessages;
        this.snapshots = snapshots;
        this.writer = writer;
        this.feed = feed;
    }

    /** The messages a snapshot can hold: finished (complete or stopped) and not blank, in order. */
    public static List<ChatMessage> shareable(List<ChatMessage> messages) {
        return messages.stream()
                .filter(m -> m.status() == MessageStatus.COMPLETE || m.status() == MessageStatus.STOPPED)
                .filter(m -> !m.content().isBlank())
                .toList();
    }

    /** The ids of the messages the link leaves out of its snapshot. */
    public Set<Long> excluded(long shareId) {
        return excludedMessages.of(shareId);
    }

    /**
     * The messages a share puts into the snapshot: all shareable ones but those the link left out
     * ({@link ShareRequest.Messages.Keep}), or the owner's choice on the preview they saw.
     *
     * @throws ShareException when every message is left out, a left-out id is not a message of the
     *         conversation, the link was shared or updated since the preview the choice was made on, the
     *         chat on screen no longer goes through the preview's last message, or
     *         (keeping the link's choice) it left messages out and the chat is on another version now
     */
    public Selection select(List<ChatMessage> messages, List<ChatMessage> shareable, Optional<ShareLink> existing,
            ShareRequest.Messages request) {
        List<ChatMessage> considered = shareable;
        Set<Long> left = existing.map(link -> excludedMessages.of(link.getId())).orElse(Set.of());
        Set<Long> onScreen = messages.stream().map(ChatMessage::id).collect(Collectors.toSet());
        Set<Long> wanted;
        switch (request) {
            case ShareRequest.Messages.Keep() -> {
                // Left-out messages are by id: a new version of one (an edit) is not left out, so an
                // Update without the preview would publish it. The owner chooses again in the dialog.
                if (!left.isEmpty() && existing.map(link -> onOtherVersion(link, onScreen)).orElse(false)) {
                    throw new ShareException(ShareService.CHOOSE_AGAIN_MESSAGE);
                }
                wanted = left;
            }
            case ShareRequest.Messages.Chosen(MessageChoice choice) -> {
                if (existing.map(ShareLink::getSnapshotVersion).orElse(0) != choice.previewedVersion()) {
                    throw new ShareException(ShareException.Reason.CHANGED_SINCE_PREVIEW,
                            ShareService.CHANGED_SINCE_PREVIEW_MESSAGE);
                }
                // The preview's messages are the path on screen then: the same path now, or refused
                // (first: a message left out of that path is not on another one, and is no mistake).
                ChatMessage lastShown = messages.stream().filter(m -> m.id() == choice.lastShownMessageId()).findFirst()
                        .orElseThrow(() -> new ShareException(ShareException.Reason.CHANGED_SINCE_PREVIEW,
                                ShareService.SWITCHED_SINCE_PREVIEW_MESSAGE));
                if (!onScreen.containsAll(choice.excluded())) {
                    throw new ShareException(ShareService.NOT_IN_CHAT_MESSAGE);
                }
                considered = shareable.stream().filter(m -> m.position() <= lastShown.position()).toList();
                if (considered.isEmpty()) {
                    throw new ShareException(ShareService.EMPTY_CONVERSATION_MESSAGE);
                }
                wanted = choice.excluded();
            }
        }
        List<SnapshotBatchWriter.Row> rows = new ArrayList<>(considered.size());
        Set<Long> excluded = new HashSet<>();
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
            throw new ShareException(ShareService.NOTHING_CHOSEN_MESSAGE);
        }
        // Messages left out on another version stay left out, should the owner switch back to it.
        left.stream().filter(id -> !onScreen.contains(id)).forEach(excluded::add);
        return new Selection(rows, excluded, considered.getLast().position(), considered.getLast().id());
    }

    /** The chat on screen no longer goes through the last message the link shared. */
    private static boolean onOtherVersion(ShareLink link, Set<Long> onScreen) {
        Long sharedLast = link.getSourceLastMessageId();
        return sharedLast != null && !onScreen.contains(sharedLast);
    }

    /**
     * Writes the selection as the link's snapshot, replacing the old one, and keeps the messages
     * left out for later Updates; an existing link ({@code updated}) is revoked last, so its feed
     * row is written with every lock held, a moment before the commit.
     */
    public void write(long shareId, boolean updated, Selection selection) {
        if (updated || !selection.excluded().isEmpty()) {
            excludedMessages.replace(shareId, selection.excluded());
        }
        snapshots.deleteByShareLink(shareId);
        writer.insert(shareId, selection.rows());
        if (updated) {
            feed.revokeIds(List.of(shareId));
        }
    }
}
