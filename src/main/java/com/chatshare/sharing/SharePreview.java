package com.chatshare.sharing;

import com.chatshare.disclosure.SnapshotCheck;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the share dialog shows: the snapshot as viewers will see it once the owner clicks
 * Copy Link (or Update link), each message with its tick and what the check before
 * sharing found in it (once it has run: {@link #checked}), and the existing link, if any; who can open it and until when (the link's,
 * or the defaults), and what expiries the instance allows.
 *
 * @param snapshotVersion the link's snapshot version, 0 without a link: what a {@link MessageChoice}
 *        made from this preview is checked against
 */
public record SharePreview(long conversationId, String title, ShareVisibility visibility, String ownerDisplayName,
        List<PreviewMessage> messages, Optional<ShareDetails> link, ShareSettings settings, ExpiryPolicy expiryPolicy,
        int snapshotVersion) {

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The same preview with what this check finds in each message. */
    public SharePreview checked(SnapshotCheck check) {
        return new SharePreview(conversationId, title, visibility, ownerDisplayName,
                messages.stream().map(message -> message.checked(check)).toList(), link, settings, expiryPolicy,
                snapshotVersion);
    }

    /** The id of the last message shown, -1 for none. */
    public long lastMessageId() {
        return messages.isEmpty() ? -1 : messages.getLast().messageId();
    }

    /** The choice of sharing this preview's messages except these. */
    public MessageChoice choiceExcluding(Set<Long> excluded) {
        return new MessageChoice(excluded, lastMessageId(), snapshotVersion);
    }
}
